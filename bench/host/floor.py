#!/usr/bin/env python3
"""The file-system work of N blobs of 4 KiB and nothing else, as a same-run yardstick for bench/host/throughput.sh.

One process, one thread: per blob it reads the input, writes the two outputs into a staging folder, renames both
into the output folder, and flushes the file system (syncfs) once per 32 blobs, the disk work the host must do for
every blob. The inputs are written (and renamed into place, as `oomlab load` does) before the clock starts. It prints
the blobs per second of the timed part. The figure moves with the machine's state (other tenants, and ext4 without a
journal, which skips recently freed inodes for a while after many files were deleted), which is what it is for.

Usage: floor.py ROOT [COUNT]   (ROOT must not exist; default COUNT 10000)
"""
import ctypes
import os
import sys
import time

root = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
libc = ctypes.CDLL(None, use_errno=True)
source, output = os.path.join(root, "input"), os.path.join(root, "output")
staging = os.path.join(output, ".staging", "0")
os.makedirs(source)
os.makedirs(staging)
payload = os.urandom(4096)


def write(path, data):
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


for i in range(count):
    write(os.path.join(source, f".blob-{i:06}.txt.tmp"), payload)
    os.rename(os.path.join(source, f".blob-{i:06}.txt.tmp"), os.path.join(source, f"blob-{i:06}.txt"))
folder = os.open(output, os.O_RDONLY)
libc.syncfs(folder)

start = time.perf_counter()
for i in range(count):
    name = f"blob-{i:06}.txt"
    fd = os.open(os.path.join(source, name), os.O_RDONLY)
    try:
        data = os.read(fd, 1 << 16)
    finally:
        os.close(fd)
    for suffix, body in (("", data), (".result.json", b'{"bytes":4096}')):
        staged = os.path.join(staging, name + suffix)
        write(staged, body)
        os.rename(staged, os.path.join(output, name + suffix))
    if i % 32 == 31 and libc.syncfs(folder) != 0:
        sys.exit(f"syncfs failed: errno {ctypes.get_errno()}")
libc.syncfs(folder)
print(f"{count / (time.perf_counter() - start):.0f}")
