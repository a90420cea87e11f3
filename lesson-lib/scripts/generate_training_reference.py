#!/usr/bin/python3
"""Writes lesson-lib's reference for training with org.poolinglab.nn: a few SGD steps in PyTorch.

For each small network (the shape of notebook 06's: Conv2d -> ReLU -> pooling -> Flatten -> Linear),
records PyTorch's starting parameters, a batch, the loss of each step and the parameters after the
last step, for nn.Sequential + nn.CrossEntropyLoss + optim.SGD with momentum (CPU, float32).
TrainingReferenceTest starts lesson-lib's network from the same parameters and must end at the same place.

Needs Debian's python3-torch:
    /usr/bin/python3 lesson-lib/scripts/generate_training_reference.py
"""
import json
import pathlib

import numpy as np
import torch
from torch import nn

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/nn/training.json"
SEED = 20261126
STEPS = 4


def number(value):
    """A float32 as the shortest decimal that reads back as the same float32."""
    return float(np.format_float_positional(np.float32(value), unique=True, trim="-"))


def tensor_json(t):
    array = t.detach().numpy()
    return {"shape": list(array.shape), "data": [number(v) if array.dtype.kind == "f" else int(v)
                                                   for v in array.reshape(-1)]}


def network(pooling, filters, side, classes):
    layers = [nn.Conv2d(1, filters, 3, padding=1), nn.ReLU()]
    if pooling == "max":
        layers.append(nn.MaxPool2d(2))
    elif pooling == "avg":
        layers.append(nn.AvgPool2d(2))
    pooled = side // 2 if pooling != "none" else side
    layers += [nn.Flatten(), nn.Linear(filters * pooled * pooled, classes)]
    return nn.Sequential(*layers)


def case(name, pooling, batch, filters, side, classes, learning_rate, momentum):
    model = network(pooling, filters, side, classes)
    start = [tensor_json(p) for p in model.parameters()]
    images = torch.rand(batch, 1, side, side)
    labels = torch.randint(0, classes, (batch,))
    sgd = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=momentum)
    losses = []
    for _ in range(STEPS):
        sgd.zero_grad()
        loss = nn.functional.cross_entropy(model(images), labels)
        loss.backward()
        sgd.step()
        losses.append(loss.item())
    return {"name": name, "pooling": pooling, "filters": filters, "classes": classes,
            "learning_rate": learning_rate, "momentum": momentum,
            "images": tensor_json(images), "labels": labels.tolist(), "parameters": start,
            "losses": losses, "parameters_after": [tensor_json(p) for p in model.parameters()]}


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    cases = [case("max pooling", "max", 6, 3, 8, 4, 0.1, 0.9),
             case("average pooling", "avg", 5, 2, 6, 3, 0.2, 0.5),
             case("no pooling", "none", 4, 2, 6, 5, 0.05, 0.0)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    generator = (f"PyTorch {torch.__version__}: nn.Sequential, nn.CrossEntropyLoss, optim.SGD (CPU, float32); "
                 f"{STEPS} steps (generate_training_reference.py)")
    OUT.write_text(json.dumps({"generator": generator, "cases": cases}) + "\n")
    print(f"{OUT.name}: {len(cases)} cases of {STEPS} steps")


if __name__ == "__main__":
    main()
