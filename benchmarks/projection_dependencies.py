"""What a library t-SNE or UMAP would cost the installers, against Digit Lab's own numpy t-SNE.

    python benchmarks/projection_dependencies.py [--digits 2000] [--no-time]

For scikit-learn (its TSNE) and umap-learn, `pip install --no-compile --target DIR` installs the package
with its dependencies, and the installed size of those Digit Lab does not already have (numpy, for one,
is not counted) is printed, package by package, from each one's RECORD. Then, unless --no-time, scikit-learn's TSNE
(perplexity 30, PCA initialisation, seed 0) maps the same features as `benchmarks/embedding_map.py` (the
ready-made model's input to its last Dense layer, the first N MNIST test digits), in a fresh process with
DIR at the end of its path; its time and 5-nearest-neighbour accuracy on held-out map points are printed beside
Digit Lab's own t-SNE on the same features. Needs the package index; nothing is installed for good.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = ("scikit-learn", "umap-learn")


def normalised(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def install(package: str, target: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-compile", "--target", str(target), package],
                   check=True)


def new_distributions(target: Path) -> dict[str, int]:
    """Bytes per distribution pip put in `target` that this environment does not have already (numpy and
    the rest of Digit Lab's own dependencies are not counted), from each one's RECORD."""
    from importlib import metadata

    have = {normalised(dist.metadata["Name"]) for dist in metadata.distributions()}
    sizes = {}
    for info in target.glob("*.dist-info"):
        name = normalised(metadata.Distribution.at(info).metadata["Name"])
        if name in have:
            continue
        files = [target / line.split(",")[0] for line in (info / "RECORD").read_text().splitlines() if line]
        sizes[name] = sum(path.stat().st_size for path in files if path.is_file())
    return sizes


def features_file(digits: int, folder: Path) -> Path:
    """The ready model's features and labels of the first `digits` test digits, saved for the timing run."""
    import numpy as np

    sys.path.insert(0, str(ROOT))
    from desktop_app.core import embedding
    from desktop_app.core.data import embedded_mnist
    from desktop_app.core.modelio import load_model
    from desktop_app.core.resources import resource_path

    model = load_model(resource_path("ready_model.keras")).model
    data = embedded_mnist()
    images, labels, _ = embedding.map_digits(data.x_test, data.y_test, digits)
    features, _ = embedding.DigitMapper(model).features(images)
    path = folder / "features.npz"
    np.savez(path, features=features, labels=labels)
    return path


TIMING = r"""
import json, sys, time
import numpy as np
sys.path.append(sys.argv[3])  # after this environment's own packages: its numpy is the one used
from sklearn.manifold import TSNE
sys.path.insert(0, sys.argv[2])
from desktop_app.core import embedding, tsne
data = np.load(sys.argv[1])
features, labels = data["features"], data["labels"]
started = time.perf_counter()
points = TSNE(n_components=2, perplexity=30, init="pca", random_state=0).fit_transform(features)
sklearn_seconds = time.perf_counter() - started
pca = embedding.fit_pca(features)(features)
started = time.perf_counter()
ours = tsne.embed(features, init=pca)
ours_seconds = time.perf_counter() - started
print(json.dumps({"sklearn_seconds": sklearn_seconds, "sklearn_knn": embedding.neighbour_accuracy(points, labels),
                  "ours_seconds": ours_seconds, "ours_knn": embedding.neighbour_accuracy(ours, labels)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=2000)
    parser.add_argument("--no-time", action="store_true", help="sizes only")
    args = parser.parse_args()
    print(f"command: python benchmarks/projection_dependencies.py --digits {args.digits}"
          + (" --no-time" if args.no_time else ""))
    with tempfile.TemporaryDirectory(prefix="digit-lab-deps-") as scratch:
        scratch_path = Path(scratch)
        targets = {}
        for name in CANDIDATES:
            target = scratch_path / name
            install(name, target)
            targets[name] = target
            sizes = new_distributions(target)
            parts = ", ".join(f"{part} {size / 1e6:.0f}" for part, size in
                              sorted(sizes.items(), key=lambda item: -item[1]) if size >= 0.5e6)
            print(f"{name}: {sum(sizes.values()) / 1e6:.0f} MB installed beyond what Digit Lab already has "
                  f"({parts} MB)")
        if args.no_time:
            return 0
        features = features_file(args.digits, scratch_path)
        environment = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2")
        done = subprocess.run([sys.executable, "-c", TIMING, str(features), str(ROOT), str(targets["scikit-learn"])],
                              env=environment,
                              capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"the timing run failed:\n{done.stderr[-3000:]}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{args.digits} digits: scikit-learn TSNE {figures['sklearn_seconds']:.1f} s, 5-NN "
              f"{figures['sklearn_knn']:.1%}; Digit Lab's t-SNE {figures['ours_seconds']:.1f} s, 5-NN "
              f"{figures['ours_knn']:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
