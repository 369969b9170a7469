#!/usr/bin/env bash
# Fetches the Fashion-MNIST data set (60k training / 10k test images, IDX format) for NeuroMesh.
#
# Usage: releng/fetch-fashion-mnist.sh [TARGET_DIR]
#   TARGET_DIR defaults to ${NEUROMESH_DATA:-$HOME/.cache/neuromesh/datasets}/fashion-mnist
#
# Source: the Debian package dataset-fashion-mnist (fetched with `apt-get download`, which needs no root), whose .deb
# must have a known sha256. Its /usr/share/datasets/fashion-mnist/ holds the four IDX files, gzipped. They are written
# uncompressed into TARGET_DIR, each checked against a sha256 fixed below, with a SHA256SUMS file; later runs only
# verify SHA256SUMS and download again only if that check fails.
set -euo pipefail

readonly PACKAGE="dataset-fashion-mnist"
readonly VERSION="0.0~git20200523.55506a9-1"
readonly DEB_SHA256="39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0"
readonly DATA_IN_DEB="usr/share/datasets/fashion-mnist"
# sha256 of the uncompressed files, as written to SHA256SUMS.
readonly -A EXPECTED_SHA256=(
  [train-images-idx3-ubyte]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
  [train-labels-idx1-ubyte]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
  [t10k-images-idx3-ubyte]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
  [t10k-labels-idx1-ubyte]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)
readonly EXPECTED_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

target="${1:-${NEUROMESH_DATA:-$HOME/.cache/neuromesh/datasets}/fashion-mnist}"

die() {
  echo "fetch-fashion-mnist: error: $*" >&2
  exit 1
}

for tool in apt-get dpkg-deb gzip sha256sum; do
  command -v "$tool" >/dev/null || die "'$tool' is needed but not on the PATH (this script expects Debian)"
done

# The hard-coded sums, in sha256sum's format.
expected_sums() {
  for name in "${EXPECTED_FILES[@]}"; do
    echo "${EXPECTED_SHA256[$name]}  $name"
  done
}

if [[ -f "$target/SHA256SUMS" ]]; then
  if [[ "$(cat "$target/SHA256SUMS")" == "$(expected_sums)" ]] \
    && (cd "$target" && sha256sum --check --quiet --strict SHA256SUMS); then
    echo "fetch-fashion-mnist: Fashion-MNIST already present in $target (checked against SHA256SUMS), nothing to do"
    exit 0
  fi
  echo "fetch-fashion-mnist: files in $target do not match the expected SHA256SUMS, fetching them again"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

download() {
  # As root, apt would drop to the _apt user, who cannot write into our private temp dir: keep root instead.
  local options=()
  [[ "$(id -u)" -eq 0 ]] && options=(-o APT::Sandbox::User=root)
  (cd "$work" && apt-get download -q "${options[@]}" "$PACKAGE=$VERSION" >"$work/apt.log" 2>&1)
}

echo "fetch-fashion-mnist: downloading $PACKAGE $VERSION with apt-get download"
if ! download; then
  # Usually the package lists are missing (a fresh container); only root can fetch them.
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "fetch-fashion-mnist: apt-get download failed, running apt-get update and trying again"
    apt-get update -qq || die "apt-get update failed (is the Debian archive reachable?)"
    download || die "apt-get download $PACKAGE=$VERSION failed (is the Debian archive reachable?):
$(cat "$work/apt.log")"
  else
    die "apt-get download $PACKAGE=$VERSION failed; if the package lists are missing, run 'sudo apt-get update':
$(cat "$work/apt.log")"
  fi
fi
shopt -s nullglob
debs=("$work"/"$PACKAGE"_*.deb)
shopt -u nullglob
((${#debs[@]} == 1)) || die "apt-get download did not produce one ${PACKAGE}_*.deb"
deb="${debs[0]}"

actual="$(sha256sum "$deb" | cut -d' ' -f1)"
if [[ "$actual" != "$DEB_SHA256" ]]; then
  die "sha256 of $(basename "$deb") is $actual, expected $DEB_SHA256; refusing to use it"
fi
echo "fetch-fashion-mnist: $(basename "$deb") sha256 verified ($DEB_SHA256)"

dpkg-deb -x "$deb" "$work/root" || die "dpkg-deb could not extract $(basename "$deb")"
source_dir="$work/root/$DATA_IN_DEB"
for name in "${EXPECTED_FILES[@]}"; do
  [[ -f "$source_dir/$name.gz" || -f "$source_dir/$name" ]] || die "$(basename "$deb") has no /$DATA_IN_DEB/$name(.gz)"
done

mkdir -p "$target"
# SHA256SUMS goes last, so an interrupted run is detected and repeated by the next one.
rm -f "$target/SHA256SUMS"
for name in "${EXPECTED_FILES[@]}"; do
  if [[ -f "$source_dir/$name.gz" ]]; then
    gzip -dc "$source_dir/$name.gz" >"$target/$name.part" || die "could not decompress $name.gz"
  else
    cp "$source_dir/$name" "$target/$name.part"
  fi
  actual="$(sha256sum "$target/$name.part" | cut -d' ' -f1)"
  if [[ "$actual" != "${EXPECTED_SHA256[$name]}" ]]; then
    rm -f "$target/$name.part"
    die "sha256 of $name is $actual, expected ${EXPECTED_SHA256[$name]}; refusing to use it"
  fi
  mv -f "$target/$name.part" "$target/$name"
done
expected_sums >"$target/SHA256SUMS.part"
mv -f "$target/SHA256SUMS.part" "$target/SHA256SUMS"

echo "fetch-fashion-mnist: wrote to $target:"
(cd "$target" && ls -l -- "${EXPECTED_FILES[@]}" SHA256SUMS)
