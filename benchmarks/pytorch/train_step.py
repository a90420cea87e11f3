#!/usr/bin/python3
"""Times one training step of notebook 06's and 07's networks in PyTorch, for comparison with lesson-lib.

The same networks, batch and step as benchmarks/src/main/java/org/poolinglab/bench/TrainingBenchmark.java:
64 random 1x28x28 images; notebook 06's Conv2d(1 -> 8, 3x3, padding 1) -> ReLU -> [MaxPool2d(2) | AvgPool2d(2)
| nothing] -> Flatten -> Linear(-> 10), and notebook 07's LeNet-like network ("lenet"): Conv2d(1 -> 6, 3x3,
padding 1) -> ReLU -> MaxPool2d(2) -> Conv2d(6 -> 16, 3x3, padding 1) -> ReLU -> MaxPool2d(2) -> Flatten ->
Linear(784 -> 10); softmax cross-entropy, SGD with momentum 0.9; forward, loss, backward and
update, on the CPU in float32, with torch.set_num_threads(1) and (2), or the thread counts given. Timed
the way JMH times lesson-lib's step: 3 warm-up and 5 measured iterations of about a second each; the
figure is the best measured iteration (the one least disturbed by other work on a shared machine).

Run with Debian's python3-torch (./lab bench does, with 1 thread and one per core):
    /usr/bin/python3 benchmarks/pytorch/train_step.py [--threads 1,2] [OUTPUT.json]
Prints images per second for each network and thread count, and writes them as JSON when given a path.
"""
import argparse
import json
import time

import torch
from torch import nn

BATCH = 64
WARMUPS = 3
ITERATIONS = 5
SECONDS = 1.0


def network(pooling):
    if pooling == "lenet":
        return nn.Sequential(nn.Conv2d(1, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(6, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Flatten(), nn.Linear(16 * 7 * 7, 10))
    layers = [nn.Conv2d(1, 8, 3, padding=1), nn.ReLU()]
    if pooling == "max":
        layers.append(nn.MaxPool2d(2))
    elif pooling == "avg":
        layers.append(nn.AvgPool2d(2))
    side = 28 if pooling == "none" else 14
    layers += [nn.Flatten(), nn.Linear(8 * side * side, 10)]
    return nn.Sequential(*layers)


def images_per_second(pooling, threads):
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    model = network(pooling)
    sgd = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_function = nn.CrossEntropyLoss()
    images = torch.rand(BATCH, 1, 28, 28)
    labels = torch.randint(0, 10, (BATCH,))

    def step():
        sgd.zero_grad()
        loss = loss_function(model(images), labels)
        loss.backward()
        sgd.step()

    best = float("inf")
    for iteration in range(WARMUPS + ITERATIONS):
        steps, start = 0, time.perf_counter()
        while time.perf_counter() - start < SECONDS:
            step()
            steps += 1
        if iteration >= WARMUPS:
            best = min(best, (time.perf_counter() - start) / steps)
    return BATCH / best


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--threads", default="1,2", help="thread counts, separated by commas (default 1,2)")
    arguments.add_argument("output", nargs="?", help="where to write the figures as JSON")
    options = arguments.parse_args()
    results = []
    for pooling in ("max", "avg", "none", "lenet"):
        for threads in sorted({int(count) for count in options.threads.split(",")}):
            rate = images_per_second(pooling, threads)
            results.append({"pooling": pooling, "threads": threads, "images_per_s": round(rate)})
            print(f"PyTorch {torch.__version__}, pooling {pooling:4}, {threads} thread(s): {rate:8.0f} images/s")
    if options.output:
        with open(options.output, "w") as out:
            json.dump({"generator": f"PyTorch {torch.__version__} (CPU, float32)", "batch": BATCH,
                       "results": results}, out, indent=1)
            out.write("\n")


if __name__ == "__main__":
    main()
