#!/usr/bin/python3
"""Writes lesson-lib's references for org.poolinglab.nn from PyTorch: its layers and a few SGD steps.

layers.json: the forward and backward pass of the layers that have no conformance fixture (PyTorch has no
single function for them): BlurPool2d (Zhang's blur-then-subsample: a 3x3 binomial filter on each
channel, reflection padding 1, stride 2), AntiAliasedMaxPool2d (2x2 max pooling with stride 1, then
BlurPool2d) and GlobalAvgPool2d. LayerReferenceTest runs each case.

training.json: for each small network (notebook 06's: Conv2d -> ReLU -> pooling -> Flatten -> Linear;
notebook 07's LeNet-like two stages with max, average or anti-aliased max pooling, stride-2 convolutions
instead of pooling, or a global-average-pooling head), PyTorch's starting parameters, a batch, the loss
of each step and the parameters after the last step, for nn.Sequential + nn.CrossEntropyLoss +
optim.SGD with momentum (CPU, float32). TrainingReferenceTest starts lesson-lib's network from the
same parameters and must end at the same place.

A network is a list of layers, each a list: ["conv2d", in, out, kernel, stride, padding], ["relu"],
["max_pool2d", kernel], ["avg_pool2d", kernel], ["anti_aliased_max_pool2d"], ["global_avg_pool2d"],
["flatten"], ["linear", in, out].

Needs Debian's python3-torch:
    /usr/bin/python3 lesson-lib/scripts/generate_training_reference.py
"""
import json
import pathlib

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

RESOURCES = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/nn"
SEED = 20261126
STEPS = 4


def number(value):
    """A float32 as the shortest decimal that reads back as the same float32."""
    return float(np.format_float_positional(np.float32(value), unique=True, trim="-"))


def tensor_json(t):
    array = t.detach().numpy()
    return {"shape": list(array.shape), "data": [number(v) if array.dtype.kind == "f" else int(v)
                                                   for v in array.reshape(-1)]}


class BlurPool(nn.Module):
    """Zhang's BlurPool: each channel blurred with [1, 2, 1] x [1, 2, 1] / 16 over reflection padding 1, stride 2."""

    def forward(self, x):
        channels = x.shape[1]
        binomial = torch.tensor([1.0, 2.0, 1.0])
        weight = (binomial[:, None] * binomial[None, :] / 16).expand(channels, 1, 3, 3)
        return F.conv2d(F.pad(x, (1, 1, 1, 1), mode="reflect"), weight, stride=2, groups=channels)


class AntiAliasedMaxPool(nn.Module):
    """Zhang's MaxBlurPool: 2x2 max pooling with stride 1, then BlurPool."""

    def __init__(self):
        super().__init__()
        self.blur = BlurPool()

    def forward(self, x):
        return self.blur(F.max_pool2d(x, 2, stride=1))


def layer(spec):
    kind, *args = spec
    if kind == "conv2d":
        channels_in, channels_out, kernel, stride, padding = args
        return nn.Conv2d(channels_in, channels_out, kernel, stride=stride, padding=padding)
    if kind == "linear":
        return nn.Linear(*args)
    return {"relu": nn.ReLU, "flatten": nn.Flatten, "global_avg_pool2d": lambda: nn.AdaptiveAvgPool2d(1),
            "anti_aliased_max_pool2d": AntiAliasedMaxPool, "blur_pool2d": BlurPool,
            "max_pool2d": lambda: nn.MaxPool2d(*args), "avg_pool2d": lambda: nn.AvgPool2d(*args)}[kind]()


def layer_case(name, spec, shape):
    x = torch.randn(*shape, requires_grad=True)
    out = layer(spec)(x)
    grad_output = torch.randn(out.shape)
    out.backward(grad_output)
    return {"name": name, "layer": spec, "input": tensor_json(x), "expected": tensor_json(out),
            "grad_output": tensor_json(grad_output), "grad_input": tensor_json(x.grad)}


def schedule_factor(step, warm_up, linear_decay):
    """Experiment's learning-rate factor: rising over the warm-up's share of the steps, times falling to 0."""
    warm_up_steps = round(warm_up * STEPS)
    rising = (step + 1) / warm_up_steps if step < warm_up_steps else 1
    return rising * (1 - step / STEPS if linear_decay else 1)


def training_case(name, layers, batch, side, classes, learning_rate, momentum, linear_decay=False, warm_up=0.0):
    """linear_decay: the learning rate falls to 0 in a straight line over the steps (LinearLR, end_factor 0);
    warm_up: it first rises over that share of the steps (LambdaLR with Experiment's factor)."""
    model = nn.Sequential(*[layer(spec) for spec in layers])
    start = [tensor_json(p) for p in model.parameters()]
    images = torch.rand(batch, 1, side, side)
    labels = torch.randint(0, classes, (batch,))
    sgd = torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=momentum)
    if warm_up:
        schedule = torch.optim.lr_scheduler.LambdaLR(sgd, lambda step: schedule_factor(step, warm_up, linear_decay))
    else:
        schedule = torch.optim.lr_scheduler.LinearLR(sgd, start_factor=1.0, end_factor=0.0, total_iters=STEPS)
    losses = []
    for _ in range(STEPS):
        sgd.zero_grad()
        loss = F.cross_entropy(model(images), labels)
        loss.backward()
        sgd.step()
        if linear_decay or warm_up:
            schedule.step()
        losses.append(loss.item())
    return {"name": name, "layers": layers, "learning_rate": learning_rate, "momentum": momentum,
            "linear_decay": linear_decay, "warm_up": warm_up,
            "images": tensor_json(images), "labels": labels.tolist(), "parameters": start,
            "losses": losses, "parameters_after": [tensor_json(p) for p in model.parameters()]}


def one_stage(filters, pooling, side, classes):
    """Notebook 06's network: a padded 3x3 convolution, ReLU, 2x2 pooling or none, a dense layer."""
    pooled = side if pooling is None else side // 2
    return ([["conv2d", 1, filters, 3, 1, 1], ["relu"]] + ([] if pooling is None else [pooling])
            + [["flatten"], ["linear", filters * pooled * pooled, classes]])


def two_stages(downsampling, head, side, classes):
    """Notebook 07's LeNet-like network, 3 and 4 filters: two stages that halve the maps, then a head."""
    stride = 2 if downsampling == "stride" else 1
    stages = []
    for channels_in, channels_out in ((1, 3), (3, 4)):
        stages += [["conv2d", channels_in, channels_out, 3, stride, 1], ["relu"]]
        if downsampling != "stride":
            stages.append([downsampling, 2] if downsampling in ("max_pool2d", "avg_pool2d") else [downsampling])
    last = side // 4
    heads = {"dense": [["flatten"], ["linear", 4 * last * last, classes]],
             "global": [["global_avg_pool2d"], ["flatten"], ["linear", 4, classes]]}
    return stages + heads[head]


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    training = [training_case("max pooling", one_stage(3, ["max_pool2d", 2], 8, 4), 6, 8, 4, 0.1, 0.9),
                training_case("average pooling", one_stage(2, ["avg_pool2d", 2], 6, 3), 5, 6, 3, 0.2, 0.5),
                training_case("no pooling", one_stage(2, None, 6, 5), 4, 6, 5, 0.05, 0.0)]
    for name, downsampling, head in (("two stages, max pooling", "max_pool2d", "dense"),
                                     ("two stages, average pooling", "avg_pool2d", "dense"),
                                     ("two stages, stride-2 convolutions", "stride", "dense"),
                                     ("two stages, anti-aliased max pooling", "anti_aliased_max_pool2d", "dense"),
                                     ("two stages, max pooling, global average pooling head", "max_pool2d",
                                      "global")):
        training.append(training_case(name, two_stages(downsampling, head, 12, 5), 5, 12, 5, 0.1, 0.9))
    training.append(training_case("max pooling, the learning rate falling to 0", one_stage(3, ["max_pool2d", 2], 8, 4),
                                  6, 8, 4, 0.3, 0.9, linear_decay=True))
    training.append(training_case("two stages, anti-aliased max pooling, warm-up and decay",
                                  two_stages("anti_aliased_max_pool2d", "dense", 12, 5), 5, 12, 5, 0.3, 0.9,
                                  linear_decay=True, warm_up=0.5))
    layers = [layer_case("blur pool, even sides", ["blur_pool2d"], (2, 3, 6, 8)),
              layer_case("blur pool, odd sides", ["blur_pool2d"], (1, 2, 7, 5)),
              layer_case("blur pool, the smallest map", ["blur_pool2d"], (1, 1, 2, 2)),
              layer_case("anti-aliased max pooling, 28 x 28", ["anti_aliased_max_pool2d"], (1, 2, 28, 28)),
              layer_case("anti-aliased max pooling, odd sides", ["anti_aliased_max_pool2d"], (2, 2, 7, 6)),
              layer_case("global average pooling", ["global_avg_pool2d"], (3, 4, 5, 6))]
    RESOURCES.mkdir(parents=True, exist_ok=True)
    version = f"PyTorch {torch.__version__}"
    (RESOURCES / "training.json").write_text(json.dumps({
        "generator": f"{version}: nn.Sequential, nn.CrossEntropyLoss, optim.SGD (CPU, float32); {STEPS} steps "
                     "(generate_training_reference.py)",
        "cases": training}) + "\n")
    (RESOURCES / "layers.json").write_text(json.dumps({
        "generator": f"{version}: F.max_pool2d, F.pad(mode='reflect') + grouped F.conv2d, nn.AdaptiveAvgPool2d "
                     "(CPU, float32), forward and autograd's backward (generate_training_reference.py)",
        "cases": layers}) + "\n")
    print(f"training.json: {len(training)} networks of {STEPS} steps; layers.json: {len(layers)} layer cases")


if __name__ == "__main__":
    main()
