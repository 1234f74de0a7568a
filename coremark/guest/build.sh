#!/bin/sh
# Rebuilds coremark.wasm from coremark.c (freestanding wasm32, no libc, no SIMD), checks that its
# only import is env.clock_ms and that it uses no SIMD, then builds the same source for the host
# and checks that it validates there too. Needs clang-16, wasm-ld-16 and wabt (wasm-objdump).
set -eu
cd "$(dirname "$0")"

clang-16 --target=wasm32-wasi -O2 -mno-simd128 -nostdlib -fuse-ld="$(command -v wasm-ld-16)" \
    -Wl,--no-entry -Wall -Wextra -Werror -o coremark.wasm coremark.c

imports=$(wasm-objdump -x -j Import coremark.wasm | grep -- '<-' || true)
count=$(printf '%s\n' "$imports" | grep -c . || true)
if [ "$count" -ne 1 ] || ! printf '%s\n' "$imports" | grep -q '<- env.clock_ms$'; then
    echo "coremark.wasm must import env.clock_ms and nothing else; it imports:" >&2
    printf '%s\n' "$imports" >&2
    exit 1
fi
if wasm-objdump -d coremark.wasm | grep -q 'v128\|i8x16\|i16x8\|i32x4\|i64x2\|f32x4\|f64x2'; then
    echo "coremark.wasm uses SIMD" >&2
    exit 1
fi

native=$(mktemp)
trap 'rm -f "$native"' EXIT
cc -O2 -Wall -Wextra -Werror -o "$native" native.c
if ! score=$("$native" 16); then
    echo "the native build does not validate: score $score (-1 - the cycle CRC it computed)" >&2
    exit 1
fi
echo "native build validates: $score iterations/s over 16 iterations"
wasm-objdump -x coremark.wasm | grep -- ' <- \| -> "'
echo "built coremark.wasm ($(wc -c < coremark.wasm) bytes)"
