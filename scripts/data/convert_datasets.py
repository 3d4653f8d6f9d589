#!/usr/bin/python3
"""Converts the real datasets the page ships into .nnpd files (format: docs/datasets.md).

    /usr/bin/python3 scripts/data/convert_datasets.py

Regenerates, byte for byte, web/public/data/{digits,iris,fashion-train,fashion-test}.nnpd from
files that Debian packages install (dev-time tools only; the converted files are committed):

    apt-get install python3-sklearn dataset-fashion-mnist

Standard library only: the sklearn data files are read directly (no `import sklearn`).
"""

import gzip
import json
import math
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "web" / "public" / "data"

SKLEARN_DATA = Path("/usr/lib/python3/dist-packages/sklearn/datasets/data")
DIGITS_CSV = SKLEARN_DATA / "digits.csv.gz"
IRIS_CSV = SKLEARN_DATA / "iris.csv"
FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")

FASHION_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
FASHION_TRAIN_COUNT = 10_000
FASHION_TEST_COUNT = 2_000

MAGIC = b"NNPD"
VERSION = 1
ENC_FLOAT32 = 0
ENC_UINT8 = 1
HEADER = struct.Struct("<4sHHIIIfHHI")  # 32 bytes, see docs/datasets.md
assert HEADER.size == 32

SKLEARN_LICENSE = ("BSD-3-Clause (scikit-learn's licence, which Debian's copyright file for "
                   "python3-sklearn applies to every file of the package, data included); "
                   "original data from the UCI Machine Learning Repository")
FASHION_LICENSE = "MIT (Expat), Copyright 2017 Zalando SE"


def die(message):
    sys.exit(f"convert_datasets.py: {message}")


def package_version(package):
    """The installed Debian package's version, recorded in each file's trailer."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        die(f"the Debian package {package} is not installed: apt-get install {package}")
    if not out:
        die(f"the Debian package {package} is not installed: apt-get install {package}")
    return out


def require(path, package):
    if not path.exists():
        die(f"{path} is missing: apt-get install {package}")
    return path


def write_nnpd(path, *, encoding, features, classes, scale, width, height, rows, labels, meta):
    """rows: a bytes object (uint8, count·features) or a list of floats (float32, count·features)."""
    count = len(labels)
    if count == 0 or features == 0 or len(rows) != count * features:
        die(f"{path.name}: {len(rows)} values for {count} rows × {features} features")
    if not 1 <= classes <= 256 or any(not 0 <= y < classes for y in labels):
        die(f"{path.name}: a label is outside 0 … {classes - 1}")
    if len(meta["class_names"]) != classes:
        die(f"{path.name}: {len(meta['class_names'])} class names for {classes} classes")
    if (width or height) and width * height != features:
        die(f"{path.name}: a {width}×{height} image is not {features} features")
    header = HEADER.pack(MAGIC, VERSION, encoding, count, features, classes, scale, width, height, 0)
    if encoding == ENC_UINT8:
        body = bytes(rows)
    else:
        if not all(math.isfinite(v) for v in rows):
            die(f"{path.name}: a feature is not finite")
        body = struct.pack(f"<{len(rows)}f", *rows)
    trailer = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = header + body + bytes(labels) + struct.pack("<I", len(trailer)) + trailer
    path.write_bytes(data)
    return len(data)


def balance(labels, classes):
    return [labels.count(c) for c in range(classes)]


def digits():
    version = package_version("python3-sklearn")
    require(DIGITS_CSV, "python3-sklearn")
    rows = bytearray()
    labels = []
    with gzip.open(DIGITS_CSV, "rt", encoding="ascii") as f:
        for n, line in enumerate(f, 1):
            values = [int(v) for v in line.strip().split(",")]
            if len(values) != 65 or not all(0 <= v <= 16 for v in values[:64]) or not 0 <= values[64] <= 9:
                die(f"{DIGITS_CSV}:{n}: expected 64 pixels in 0 … 16 and a digit")
            rows += bytes(values[:64])
            labels.append(values[64])
    if len(labels) != 1797:
        die(f"{DIGITS_CSV}: {len(labels)} rows, expected 1797")
    meta = {
        "name": "digits",
        "title": "Handwritten digits (8×8)",
        "class_names": [str(d) for d in range(10)],
        "feature_names": [f"pixel_{r}_{c}" for r in range(8) for c in range(8)],
        "source": f"Debian python3-sklearn {version}, {DIGITS_CSV} (sklearn.datasets.load_digits: "
                  "the test set of UCI's Optical Recognition of Handwritten Digits, E. Alpaydin and "
                  "C. Kaynak, 1998)",
        "license": SKLEARN_LICENSE,
        "notes": "All 1,797 images, in the source's order; pixel values 0 … 16 (on-pixel counts of "
                 "4×4 blocks), stored as bytes with scale 1/16.",
    }
    size = write_nnpd(OUT / "digits.nnpd", encoding=ENC_UINT8, features=64, classes=10, scale=1 / 16,
                      width=8, height=8, rows=rows, labels=labels, meta=meta)
    return "digits.nnpd", size, balance(labels, 10)


def iris():
    version = package_version("python3-sklearn")
    require(IRIS_CSV, "python3-sklearn")
    lines = IRIS_CSV.read_text(encoding="ascii").split()
    head = lines[0].split(",")
    n, f, class_names = int(head[0]), int(head[1]), head[2:]
    if (n, f, class_names) != (150, 4, ["setosa", "versicolor", "virginica"]):
        die(f"{IRIS_CSV}: unexpected header {lines[0]}")
    rows, labels = [], []
    for line in lines[1:]:
        values = line.split(",")
        rows += [float(v) for v in values[:4]]
        labels.append(int(values[4]))
    if len(labels) != n:
        die(f"{IRIS_CSV}: {len(labels)} rows, expected {n}")
    meta = {
        "name": "iris",
        "title": "Iris flowers",
        "class_names": class_names,
        "feature_names": ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
        "source": f"Debian python3-sklearn {version}, {IRIS_CSV} (sklearn.datasets.load_iris: R. A. "
                  "Fisher, 1936, as in the UCI Machine Learning Repository but with the two points "
                  "UCI has wrong corrected to Fisher's paper)",
        "license": SKLEARN_LICENSE,
        "notes": "All 150 samples, in the source's order; features in cm as float32.",
    }
    size = write_nnpd(OUT / "iris.nnpd", encoding=ENC_FLOAT32, features=4, classes=3, scale=1.0,
                      width=0, height=0, rows=rows, labels=labels, meta=meta)
    return "iris.nnpd", size, balance(labels, 3)


def read_idx(path, magic, take):
    """The first `take` items of a gzipped IDX file: (item shape, bytes)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    (m,) = struct.unpack(">I", data[:4])
    if m != magic:
        die(f"{path}: IDX magic {m:#x}, expected {magic:#x}")
    dims = struct.unpack(f">{m & 0xFF}I", data[4:4 + 4 * (m & 0xFF)])
    if dims[0] < take:
        die(f"{path}: {dims[0]} items, fewer than the {take} taken")
    item = math.prod(dims[1:])
    start = 4 + 4 * len(dims)
    if len(data) != start + dims[0] * item:
        die(f"{path}: {len(data)} bytes do not match the IDX dimensions {dims}")
    return dims[1:], data[start:start + take * item]


def fashion(split, prefix, take):
    version = package_version("dataset-fashion-mnist")
    images_path = require(FASHION_DIR / f"{prefix}-images-idx3-ubyte.gz", "dataset-fashion-mnist")
    labels_path = require(FASHION_DIR / f"{prefix}-labels-idx1-ubyte.gz", "dataset-fashion-mnist")
    shape, pixels = read_idx(images_path, 0x803, take)
    if shape != (28, 28):
        die(f"{images_path}: images are {shape}, expected 28×28")
    _, labels = read_idx(labels_path, 0x801, take)
    labels = list(labels)
    if any(y > 9 for y in labels):
        die(f"{labels_path}: a label is above 9")
    meta = {
        "name": f"fashion-{split}",
        "title": f"Fashion-MNIST ({split}, first {take:,})",
        "class_names": FASHION_CLASSES,
        "source": f"Debian dataset-fashion-mnist {version}, {images_path} and {labels_path} "
                  "(Fashion-MNIST, Zalando Research, H. Xiao, K. Rasul and R. Vollgraf, 2017)",
        "license": FASHION_LICENSE,
        "notes": f"The first {take:,} images of the {split} set, in the source's order; 28×28 "
                 "grey levels 0 … 255 (0 = background), stored as bytes with scale 1/255.",
    }
    name = f"fashion-{split}.nnpd"
    size = write_nnpd(OUT / name, encoding=ENC_UINT8, features=28 * 28, classes=10, scale=1 / 255,
                      width=28, height=28, rows=pixels, labels=labels, meta=meta)
    return name, size, balance(labels, 10)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    results = [digits(), iris(), fashion("train", "train", FASHION_TRAIN_COUNT),
               fashion("test", "t10k", FASHION_TEST_COUNT)]
    total = 0
    for name, size, counts in results:
        total += size
        print(f"{name:20} {size:>10,} bytes  class counts {counts}")
    print(f"{'total':20} {total:>10,} bytes")


if __name__ == "__main__":
    main()
