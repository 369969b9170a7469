#!/usr/bin/env bash
# Installs what releng/bench/torch_reference.py and report.py need: Debian's python3-torch, python3-numpy and
# python3-matplotlib, plus OpenBLAS.
#
# Usage: releng/bench/install-bench-deps.sh
#
# Debian's packages live under Debian's own interpreter, /usr/bin/python3; a python3 earlier on the PATH (pyenv, a
# virtualenv) does not see them, so the check and the benchmark both use /usr/bin/python3. Debian's torch calls
# whichever libblas.so.3 is selected: without OpenBLAS that is the slow reference BLAS. OpenBLAS's OpenMP build shares
# torch's OpenMP threads rather than starting a pool of its own, so it is installed and selected, and a warning is
# printed when another libblas.so.3 is selected. (What cost most here was GNU OpenMP's spinning wait policy, 2.3-3 s
# per MNIST epoch instead of 0.83 s with either build; torch_reference.py sets OMP_WAIT_POLICY=PASSIVE itself.)
# Does nothing when all of it is already there.
set -euo pipefail

readonly PYTHON=/usr/bin/python3
readonly PACKAGES=(python3-torch python3-numpy python3-matplotlib libopenblas0-openmp)
readonly BLAS=/usr/lib/x86_64-linux-gnu/libblas.so.3
readonly OPENMP_BLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3

die() {
  echo "install-bench-deps: error: $*" >&2
  exit 1
}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! "$PYTHON" -c 'import torch, numpy, matplotlib' 2>/dev/null && ((${#missing[@]} == 0)); then
  die "the packages are installed but $PYTHON cannot import torch, numpy and matplotlib; try: $PYTHON -c 'import torch'"
fi

if ((${#missing[@]} > 0)); then
  command -v apt-get >/dev/null || die "'apt-get' is needed but not on the PATH (this script expects Debian)"
  if [[ "$(id -u)" -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    die "not root and no sudo; as root run: apt-get install -y ${missing[*]}"
  fi
  echo "install-bench-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed (is the Debian archive reachable?)"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
  "$PYTHON" -c 'import torch, numpy, matplotlib' || die "$PYTHON still cannot import torch, numpy and matplotlib after installing them"
fi

if [[ "$(readlink -f "$BLAS")" != "$(readlink -f "$OPENMP_BLAS")" ]]; then
  # Installing other packages (python3-matplotlib pulls OpenBLAS's pthread build) can switch the alternative.
  if [[ "$(id -u)" -eq 0 ]] && command -v update-alternatives >/dev/null; then
    echo "install-bench-deps: selecting OpenBLAS's OpenMP build for libblas.so.3 (was $(readlink -f "$BLAS"))"
    update-alternatives --set libblas.so.3-x86_64-linux-gnu "$OPENMP_BLAS" >/dev/null \
      || die "update-alternatives could not select $OPENMP_BLAS"
  else
    echo "install-bench-deps: warning: $BLAS is $(readlink -f "$BLAS"), not OpenBLAS's OpenMP build; torch will be" \
      "slower than it can be. To select it: update-alternatives --set libblas.so.3-x86_64-linux-gnu $OPENMP_BLAS" >&2
  fi
fi

version="$("$PYTHON" -c 'import torch; print(torch.__version__)')"
echo "install-bench-deps: torch $version is ready; run the benchmark with $PYTHON (not the python3 on the PATH), e.g."
echo "  $PYTHON releng/bench/torch_reference.py --data \${NEUROMESH_DATA:-\$HOME/.cache/neuromesh/datasets}/mnist"
