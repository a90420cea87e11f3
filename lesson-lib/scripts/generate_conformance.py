#!/usr/bin/python3
"""Regenerates lesson-lib's conformance fixtures from real references.

Expected values come from PyTorch's torch.nn.functional pooling (CPU, float32) and, for SAME padding,
from the ONNX backend-test case generator (onnx.backend.test.case.node.pool_op_common), cross-checked
against PyTorch. Every case that is not an error also gets a gradient: a random `grad_output` and the
`grad_input` PyTorch's autograd computes from it. Nothing here is typed in by hand except the lesson's
own 4x4 input.

Needs Debian's python3-torch and python3-onnx (run with /usr/bin/python3):
    /usr/bin/python3 lesson-lib/scripts/generate_conformance.py
The JUnit tests only read the JSON this writes; they never need Python.
"""
import json
import math
import pathlib
import random
import re

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx.backend.test.case.node import pool_op_common as onnx_pool

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/conformance"
SEED = 20261125
TORCH = f"PyTorch {torch.__version__} torch.nn.functional (CPU, float32)"
ONNX = f"ONNX {onnx.__version__} backend-test pool_op_common, cross-checked with {TORCH}"

LESSON_INPUT = [[1, 3, 2, 1], [4, 6, 5, 2], [7, 8, 9, 3], [1, 2, 0, 4]]

rng = np.random.default_rng(SEED)
pick = random.Random(SEED)
# Gradients and unpooling draw from streams of their own, so adding them left every earlier case as it was.
grad_rng = np.random.default_rng(SEED + 1)
unpool_rng = np.random.default_rng(SEED + 2)


def number(value):
    """A float32 as the shortest decimal that reads back as the same float32 (NaN/inf as JSON allows)."""
    value = np.float32(value)
    if not np.isfinite(value):
        return float(value)
    return float(np.format_float_positional(value, unique=True, trim="-"))


def tensor_json(t):
    array = t.detach().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    return {"shape": list(array.shape), "data": [number(v) if array.dtype.kind == "f" else int(v)
                                                   for v in array.reshape(-1)]}


def random_input(shape, kind="normal", generator=None):
    generator = generator or rng
    if kind == "integers":  # small integers: many ties, to pin down which maximum wins
        return torch.tensor(generator.integers(-3, 4, size=shape).astype(np.float32))
    if kind == "positive":
        return torch.tensor(np.round(generator.uniform(0.1, 3.0, size=shape), 3).astype(np.float32))
    return torch.tensor(np.round(generator.standard_normal(shape), 3).astype(np.float32))


def pair(v):
    return list(v) if isinstance(v, (tuple, list)) else [v, v]


def fmt(v):
    return "x".join(str(x) for x in pair(v))


class Fixture:
    def __init__(self, file, generator):
        self.file, self.generator, self.cases, self.names = file, generator, [], set()

    def add(self, case):
        name = case["name"]
        assert name not in self.names, f"duplicate case name {name}"
        self.names.add(name)
        self.cases.append(case)

    def write(self):
        path = OUT / self.file
        text = json.dumps({"generator": self.generator, "cases": self.cases}, indent=1)
        # Lists of numbers on one line each: one case stays a screenful, and diffs stay readable.
        text = re.sub(r"\[\s*([^\[\]{}\"]*?)\s*\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)
        path.write_text(text + "\n")
        print(f"{path.name}: {len(self.cases)} cases")
        return len(self.cases)


def case_name(prefix, x, params):
    parts = [prefix, "in" + "x".join(map(str, x.shape))]
    for key, short in (("kernel_size", "k"), ("stride", "s"), ("padding", "p"), ("dilation", "d"),
                       ("output_size", "o"), ("norm_type", "norm"), ("divisor_override", "div")):
        if params.get(key) is not None:
            parts.append(short + ("x".join(map(str, params[key])) if isinstance(params[key], list)
                                  else str(params[key])))
    if params.get("padding_mode"):
        parts.append(params["padding_mode"])
    if params.get("ceil_mode"):
        parts.append("ceil")
    if params.get("count_include_pad") is False:
        parts.append("nopadcount")
    return "_".join(parts)


# ---------------------------------------------------------------- max_pool2d and avg_pool2d

SHAPES = [(1, 1, 4, 4), (1, 1, 5, 5), (1, 1, 1, 1), (1, 1, 3, 8), (1, 2, 7, 6), (2, 3, 6, 7), (1, 1, 9, 9),
          (2, 1, 5, 8), (1, 3, 8, 8), (1, 1, 2, 3)]
KERNELS = [1, 2, 3, (2, 3), (3, 1), (4, 4), (1, 2)]
STRIDES = [None, 1, 2, 3, (1, 2), (2, 1)]
PADDINGS = [0, 1, (1, 0), (0, 1), 2]
DILATIONS = [1, 2, (1, 2), (2, 1), 3]


def accepted(call):
    try:
        return call()
    except RuntimeError:
        return None


def sliding_cases(op, count, with_dilation):
    fixture = Fixture(f"{op}.json", TORCH)
    tries = 0
    while len(fixture.cases) < count:
        tries += 1
        assert tries < 100000, f"could not find {count} valid {op} cases"
        shape = pick.choice(SHAPES)
        params = {"kernel_size": pair(pick.choice(KERNELS))}
        stride = pick.choice(STRIDES)
        if stride is not None:
            params["stride"] = pair(stride)
        params["padding"] = pair(pick.choice(PADDINGS))
        params["ceil_mode"] = pick.random() < 0.4
        if with_dilation:
            params["dilation"] = pair(pick.choice(DILATIONS) if pick.random() < 0.4 else 1)
        else:
            params["count_include_pad"] = pick.random() < 0.6
            if pick.random() < 0.15:
                params["divisor_override"] = pick.choice([1, 3, 5])
        kind = pick.choice(["normal", "normal", "integers"])
        x = random_input(shape, kind)
        name = case_name(op.replace("_pool2d", ""), x, params) + ("_ties" if kind == "integers" else "")
        if name in fixture.names:
            continue
        result = accepted(lambda: torch_sliding(op, x, params))
        if result is None:
            continue  # PyTorch rejects this combination; the errors file covers rejections on purpose
        fixture.add(sliding_case(name, op, x, params, result))
    return fixture


def torch_sliding(op, x, params):
    kw = dict(kernel_size=params["kernel_size"], stride=params.get("stride"), padding=params["padding"],
              ceil_mode=params["ceil_mode"])
    if op == "max_pool2d":
        return F.max_pool2d(x, dilation=params.get("dilation", 1), return_indices=True, **kw)
    return F.avg_pool2d(x, count_include_pad=params["count_include_pad"],
                        divisor_override=params.get("divisor_override"), **kw), None


def sliding_case(name, op, x, params, result):
    output, indices = result
    case = {"name": name, "op": op, "input": tensor_json(x), "params": params, "expected": tensor_json(output)}
    if indices is not None:
        case["indices"] = tensor_json(indices)
    return case


def special_max_cases(fixture):
    """NaN propagation, -inf inputs and all-equal windows: PyTorch's rules made explicit."""
    x = random_input((1, 1, 4, 4))
    x[0, 0, 1, 2] = float("nan")
    x[0, 0, 3, 3] = float("nan")
    x[0, 0, 2, 0] = float("nan")
    for params in ({"kernel_size": [2, 2]}, {"kernel_size": [3, 3], "stride": [1, 1], "padding": [1, 1]}):
        out, idx = F.max_pool2d(x, params["kernel_size"], params.get("stride"), params.get("padding", 0),
                                return_indices=True)
        fixture.add(sliding_case(case_name("max_nan", x, params), "max_pool2d", x, params, (out, idx)))
    x = torch.full((1, 1, 3, 3), float("-inf"))
    x[0, 0, 2, 2] = 1.0
    params = {"kernel_size": [2, 2], "stride": [1, 1]}
    fixture.add(sliding_case(case_name("max_neginf", x, params), "max_pool2d", x, params,
                             F.max_pool2d(x, 2, 1, return_indices=True)))
    x = torch.zeros((2, 2, 4, 4))
    params = {"kernel_size": [3, 3], "stride": [1, 1], "padding": [1, 1]}
    fixture.add(sliding_case(case_name("max_allequal", x, params), "max_pool2d", x, params,
                             F.max_pool2d(x, 3, 1, 1, return_indices=True)))


# ---------------------------------------------------------------- lp, adaptive, global

def lp_cases():
    fixture = Fixture("lp_pool2d.json", TORCH)
    for shape, norm, kernel, stride, ceil in [
            ((1, 1, 4, 4), 2.0, 2, None, False), ((1, 2, 5, 5), 2.0, 2, None, True),
            ((1, 1, 6, 6), 1.0, 3, 2, False), ((2, 2, 5, 7), 3.0, (2, 3), (1, 2), False),
            ((1, 1, 7, 7), 2.0, 3, 2, True), ((1, 3, 4, 6), 4.0, 2, 1, False),
            ((1, 1, 5, 4), 1.5, (3, 2), None, True), ((1, 1, 8, 8), 6.0, 4, None, False),
            ((1, 1, 3, 3), 2.0, 3, None, False), ((1, 2, 6, 5), 2.5, (2, 2), (2, 1), True),
            ((1, 1, 1, 1), 2.0, 1, None, False), ((2, 1, 6, 6), 3.0, 2, 3, True)]:
        x = random_input(shape, "positive")
        params = {"kernel_size": pair(kernel), "norm_type": norm, "ceil_mode": ceil}
        if stride is not None:
            params["stride"] = pair(stride)
        out = F.lp_pool2d(x, norm, params["kernel_size"], stride=params.get("stride"), ceil_mode=ceil)
        fixture.add({"name": case_name("lp", x, params), "op": "lp_pool2d", "input": tensor_json(x),
                     "params": params, "expected": tensor_json(out)})
    x = random_input((1, 1, 4, 4))  # signed input with p = 1: plain sums, negatives allowed
    params = {"kernel_size": [2, 2], "norm_type": 1.0, "ceil_mode": False}
    fixture.add({"name": case_name("lp_signed", x, params), "op": "lp_pool2d", "input": tensor_json(x),
                 "params": params, "expected": tensor_json(F.lp_pool2d(x, 1.0, 2))})
    return fixture


def adaptive_cases():
    fixture = Fixture("adaptive_pool2d.json", TORCH)
    for shape, size in [((1, 1, 4, 4), (2, 2)), ((1, 1, 5, 5), (2, 2)), ((1, 2, 7, 6), (3, 4)),
                        ((2, 3, 9, 9), (4, 4)), ((1, 1, 5, 7), (5, 7)), ((1, 1, 3, 3), (5, 4)),
                        ((1, 1, 10, 3), (3, 1)), ((1, 2, 6, 8), (1, 1)), ((2, 1, 7, 7), (3, 2)),
                        ((1, 1, 1, 1), (2, 3))]:
        for op in ("adaptive_max_pool2d", "adaptive_avg_pool2d"):
            x = random_input(shape, "integers" if op == "adaptive_max_pool2d" and size == (2, 2) else "normal")
            params = {"output_size": list(size)}
            case = {"name": case_name(op.replace("_pool2d", ""), x, params), "op": op, "input": tensor_json(x),
                    "params": params}
            if op == "adaptive_max_pool2d":
                out, idx = F.adaptive_max_pool2d(x, size, return_indices=True)
                case["expected"], case["indices"] = tensor_json(out), tensor_json(idx)
            else:
                case["expected"] = tensor_json(F.adaptive_avg_pool2d(x, size))
            fixture.add(case)
    return fixture


def global_cases():
    fixture = Fixture("global_pool.json", TORCH + " (global = adaptive pooling to 1x1)")
    for shape in [(1, 1, 4, 4), (1, 1, 1, 1), (2, 3, 5, 7), (1, 8, 7, 7), (3, 2, 1, 9)]:
        x = random_input(shape)
        fixture.add({"name": case_name("global_max", x, {}), "op": "global_max_pool", "input": tensor_json(x),
                     "params": {}, "expected": tensor_json(F.adaptive_max_pool2d(x, 1))})
        fixture.add({"name": case_name("global_avg", x, {}), "op": "global_avg_pool", "input": tensor_json(x),
                     "params": {}, "expected": tensor_json(F.adaptive_avg_pool2d(x, 1))})
    return fixture


# ---------------------------------------------------------------- SAME padding (ONNX)

def same_cases():
    fixture = Fixture("same_padding.json", ONNX)
    for shape, kernel, stride in [((1, 1, 5, 5), (3, 3), (1, 1)), ((1, 1, 5, 5), (2, 2), (1, 1)),
                                  ((1, 1, 5, 5), (3, 3), (2, 2)), ((1, 2, 7, 6), (2, 3), (2, 2)),
                                  ((1, 1, 4, 4), (2, 2), (2, 2)), ((2, 1, 6, 9), (3, 3), (2, 3)),
                                  ((1, 1, 8, 8), (4, 4), (3, 3)), ((1, 1, 3, 7), (1, 3), (1, 2))]:
        for mode in ("SAME_UPPER", "SAME_LOWER"):
            for pooling in ("MAX", "AVG"):
                x = random_input(shape)
                fixture.add(same_case(x, kernel, stride, mode, pooling))
    for pooling in ("MAX", "AVG"):  # VALID: no padding at all
        x = random_input((1, 1, 5, 5))
        out = onnx_pool.get_output_shape("VALID", x.shape[2:], (2, 2), (2, 2))
        y = onnx_pool.pool(x.numpy(), x.shape, (2, 2), (2, 2), out, [0, 0], pooling)
        op = "max_pool2d" if pooling == "MAX" else "avg_pool2d"
        params = {"kernel_size": [2, 2], "stride": [2, 2], "padding_mode": "valid"}
        fixture.add({"name": case_name(op.replace("_pool2d", ""), x, params), "op": op, "input": tensor_json(x),
                     "params": params, "expected": tensor_json(y)})
    return fixture


def same_case(x, kernel, stride, mode, pooling):
    out_shape = onnx_pool.get_output_shape(mode, x.shape[2:], kernel, stride)
    pads = onnx_pool.get_pad_shape(mode, x.shape[2:], kernel, stride, out_shape)
    assert min(pads) >= 0, "negative SAME padding: choose another case"
    small = [p // 2 for p in pads]
    large = [p - p // 2 for p in pads]
    before, after = (small, large) if mode == "SAME_UPPER" else (large, small)
    padded = np.pad(x.numpy(), ((0, 0), (0, 0), (before[0], after[0]), (before[1], after[1])),
                    mode="constant", constant_values=np.nan)
    y = onnx_pool.pool(padded, x.shape, kernel, stride, out_shape, pads, pooling)
    # The same result from PyTorch: explicit padding (-inf for max, 0 counted out for average).
    torch_pad = (before[1], after[1], before[0], after[0])
    if pooling == "MAX":
        check = F.max_pool2d(F.pad(x, torch_pad, value=float("-inf")), kernel, stride)
    else:
        ones = torch.ones_like(x)
        check = (F.avg_pool2d(F.pad(x, torch_pad), kernel, stride)
                 / F.avg_pool2d(F.pad(ones, torch_pad), kernel, stride))
    assert np.allclose(y, check.numpy(), rtol=1e-5, atol=1e-5), "ONNX and PyTorch disagree"
    op = "max_pool2d" if pooling == "MAX" else "avg_pool2d"
    params = {"kernel_size": list(kernel), "stride": list(stride), "padding_mode": mode.lower()}
    if pooling == "AVG":
        params["count_include_pad"] = False  # ONNX's default
    return {"name": case_name(op.replace("_pool2d", ""), x, params), "op": op, "input": tensor_json(x),
            "params": params, "expected": tensor_json(y)}


# ---------------------------------------------------------------- per-side padding (PyTorch, via F.pad)

def asymmetric_cases():
    fixture = Fixture("asymmetric_padding.json", TORCH + ": F.pad, then pooling without padding")
    for shape, kernel, stride, pads in [((1, 1, 5, 5), (3, 3), (1, 1), (1, 0, 0, 1)),
                                        ((1, 2, 6, 7), (2, 2), (2, 2), (1, 1, 0, 0)),
                                        ((1, 1, 4, 6), (3, 2), (2, 1), (0, 1, 1, 0)),
                                        ((2, 1, 5, 5), (4, 4), (2, 3), (2, 1, 1, 2))]:
        top, left, bottom, right = pads
        torch_pad = (left, right, top, bottom)
        for op in ("max_pool2d", "avg_pool2d"):
            for count_pad in ((True, False) if op == "avg_pool2d" else (None,)):
                x = random_input(shape)
                params = {"kernel_size": list(kernel), "stride": list(stride), "padding": list(pads)}
                if op == "max_pool2d":
                    y, idx = F.max_pool2d(F.pad(x, torch_pad, value=float("-inf")), kernel, stride,
                                          return_indices=True)
                elif count_pad:
                    y = F.avg_pool2d(F.pad(x, torch_pad), kernel, stride)
                else:
                    y = (F.avg_pool2d(F.pad(x, torch_pad), kernel, stride)
                         / F.avg_pool2d(F.pad(torch.ones_like(x), torch_pad), kernel, stride))
                if count_pad is not None:
                    params["count_include_pad"] = count_pad
                fixture.add({"name": case_name(op.replace("_pool2d", ""), x, params) + "_sides", "op": op,
                             "input": tensor_json(x), "params": params, "expected": tensor_json(y)})
    return fixture


# ---------------------------------------------------------------- gradients (PyTorch autograd)

def pads_of(params, height, width):
    """(top, left, bottom, right): the explicit padding, or what SAME padding gives (as ONNX computes it)."""
    mode = params.get("padding_mode")
    if mode in ("same_upper", "same_lower"):
        pads = []
        for size, k, s, d in zip((height, width), params["kernel_size"], params.get("stride", params["kernel_size"]),
                                 params.get("dilation", [1, 1])):
            total = max((math.ceil(size / s) - 1) * s + d * (k - 1) + 1 - size, 0)
            small, large = total // 2, total - total // 2
            pads.append((small, large) if mode == "same_upper" else (large, small))
        return pads[0][0], pads[1][0], pads[0][1], pads[1][1]
    padding = params.get("padding", [0, 0])
    return tuple(padding) if len(padding) == 4 else (padding[0], padding[1], padding[0], padding[1])


def torch_forward(case, x):
    """The case's operation on x in PyTorch, from its JSON params (per-side and SAME padding through F.pad)."""
    op, p = case["op"], case["params"]
    if op == "max_unpool2d":
        indices = torch.tensor(case["input_indices"]["data"], dtype=torch.int64).reshape(case["input_indices"]["shape"])
        return F.max_unpool2d(x, indices, p["kernel_size"], p.get("stride"), p.get("padding", 0), p.get("output_size"))
    if op in ("max_pool2d", "avg_pool2d"):
        top, left, bottom, right = pads_of(p, x.shape[2], x.shape[3])
        symmetric = top == bottom and left == right and "padding_mode" not in p
        kernel, stride, ceil = p["kernel_size"], p.get("stride"), p.get("ceil_mode", False)
        if op == "max_pool2d":
            if symmetric:
                return F.max_pool2d(x, kernel, stride, [top, left], p.get("dilation", 1), ceil)
            padded = F.pad(x, (left, right, top, bottom), value=float("-inf"))
            return F.max_pool2d(padded, kernel, stride, 0, p.get("dilation", 1), ceil)
        count_pad = p.get("count_include_pad", True)
        if symmetric:
            return F.avg_pool2d(x, kernel, stride, [top, left], ceil, count_pad, p.get("divisor_override"))
        assert not ceil and p.get("divisor_override") is None, "per-side padding: no ceil mode or divisor here"
        pad = (left, right, top, bottom)
        summed = F.avg_pool2d(F.pad(x, pad), kernel, stride)
        return summed if count_pad else summed / F.avg_pool2d(F.pad(torch.ones_like(x), pad), kernel, stride)
    if op == "lp_pool2d":
        return F.lp_pool2d(x, p["norm_type"], p["kernel_size"], p.get("stride"), p.get("ceil_mode", False))
    if op == "adaptive_max_pool2d":
        return F.adaptive_max_pool2d(x, p["output_size"])
    if op == "adaptive_avg_pool2d":
        return F.adaptive_avg_pool2d(x, p["output_size"])
    if op == "global_max_pool":
        return F.adaptive_max_pool2d(x, 1)
    if op == "global_avg_pool":
        return F.adaptive_avg_pool2d(x, 1)
    raise ValueError(op)


def add_gradient(case, grad_output=None):
    """grad_output (random unless given) and the grad_input PyTorch's autograd computes for the case."""
    x = torch.tensor(case["input"]["data"], dtype=torch.float32).reshape(case["input"]["shape"]).requires_grad_(True)
    y = torch_forward(case, x)
    expected = np.array(case["expected"]["data"], dtype=np.float32).reshape(case["expected"]["shape"])
    assert np.allclose(y.detach().numpy(), expected, rtol=1e-5, atol=1e-5, equal_nan=True), \
        f"{case['name']}: PyTorch's forward pass disagrees with the expected values"
    if grad_output is None:
        grad_output = torch.tensor(np.round(grad_rng.standard_normal(tuple(y.shape)), 3).astype(np.float32))
    y.backward(grad_output)
    case["grad_output"] = tensor_json(grad_output)
    case["grad_input"] = tensor_json(x.grad)


def add_gradients(fixtures):
    for fixture in fixtures:
        for case in fixture.cases:
            if not case.get("error") and "grad_input" not in case:
                add_gradient(case)


# ---------------------------------------------------------------- max_unpool2d

def unpool_cases():
    """Max unpooling of real max pooling results (default and explicit output sizes), of hand-made index
    patterns (repeated indices: the later value stays), and index or size errors PyTorch rejects."""
    fixture = Fixture("max_unpool2d.json", TORCH + ": F.max_pool2d(return_indices=True), then F.max_unpool2d")
    settings = [((1, 1, 4, 4), 2, None, 0, False), ((1, 1, 5, 5), 2, None, 0, False), ((1, 1, 5, 5), 2, None, 0, True),
                ((1, 1, 5, 5), 3, 2, 1, False), ((1, 2, 7, 6), 3, 2, 1, True), ((2, 3, 6, 7), 2, 1, 0, False),
                ((1, 1, 9, 9), 3, 3, 0, False), ((1, 1, 8, 8), 4, 2, 2, False), ((1, 1, 3, 8), (1, 2), None, 0, False),
                ((2, 1, 6, 5), (2, 3), (2, 1), (1, 1), False), ((1, 3, 8, 8), 2, None, 0, False),
                ((1, 1, 7, 7), 3, 2, 0, True), ((1, 1, 1, 1), 1, None, 0, False), ((1, 1, 6, 6), 2, 3, 1, True),
                ((1, 2, 4, 6), (3, 2), (1, 2), (1, 0), False), ((1, 1, 2, 3), 2, 1, 1, False)]
    for shape, kernel, stride, padding, ceil in settings:
        x = random_input(shape, "integers" if len(fixture.cases) % 3 == 1 else "normal", unpool_rng)
        pooled, idx = F.max_pool2d(x, kernel, stride, padding, 1, ceil, return_indices=True)
        params = {"kernel_size": pair(kernel), "padding": pair(padding)}
        if stride is not None:
            params["stride"] = pair(stride)
        for output_size in (None, [shape[2], shape[3]]):
            case_params = dict(params, **({"output_size": output_size} if output_size else {}))
            try:
                expected = F.max_unpool2d(pooled, idx, kernel, stride, padding, output_size)
            except RuntimeError:  # the default size can be too small for the indices (ceil mode): an error
                fixture.add(unpool_error("error_" + case_name("unpool", pooled, case_params) + "_index_too_large",
                                         pooled, idx, case_params))
                continue
            name = case_name("unpool", pooled, case_params) + ("_ceil" if ceil else "")
            if name not in fixture.names:
                fixture.add({"name": name, "op": "max_unpool2d", "input": tensor_json(pooled),
                             "input_indices": tensor_json(idx), "params": case_params, "expected": tensor_json(expected)})
    # Hand-made indices: any cell of the output plane, repeated ones included.
    for shape, kernel, stride in [((1, 1, 2, 2), 2, 2), ((1, 2, 3, 3), 2, 2), ((2, 1, 2, 3), 3, 2), ((1, 1, 3, 2), 2, 1)]:
        values = random_input(shape, generator=unpool_rng)
        h, w = [(n - 1) * s + k for n, k, s in zip(shape[2:], pair(kernel), pair(stride))]
        idx = torch.tensor(unpool_rng.integers(0, h * w, size=shape), dtype=torch.int64)
        idx.view(-1)[-1] = idx.view(-1)[0]  # two values for one cell: the later one stays
        params = {"kernel_size": pair(kernel), "stride": pair(stride), "padding": [0, 0]}
        fixture.add({"name": case_name("unpool_any_indices", values, params), "op": "max_unpool2d",
                     "input": tensor_json(values), "input_indices": tensor_json(idx), "params": params,
                     "expected": tensor_json(F.max_unpool2d(values, idx, kernel, stride))})
    # Errors: an index outside the output plane, an output size too far from the default.
    values = random_input((1, 1, 2, 2), generator=unpool_rng)
    params = {"kernel_size": [2, 2], "stride": [2, 2], "padding": [0, 0]}
    for label, bad in (("index_too_large", 16), ("index_negative", -1), ("index_far_too_large", 1000)):
        idx = torch.tensor([[[[0, 3, 9, bad]]]], dtype=torch.int64).reshape(1, 1, 2, 2)
        fixture.add(unpool_error("error_unpool_" + label, values, idx, params))
    idx = torch.tensor([[[[0, 3], [9, 15]]]], dtype=torch.int64)
    for size in ([2, 4], [6, 4], [4, 6], [4, 1], [0, 4]):
        fixture.add(unpool_error(f"error_unpool_output_size_{size[0]}x{size[1]}", values, idx,
                                 dict(params, output_size=size)))
    return fixture


def unpool_error(name, values, idx, params):
    try:
        F.max_unpool2d(values, idx, params["kernel_size"], params.get("stride"), params.get("padding", 0),
                       params.get("output_size"))
    except (RuntimeError, ValueError):
        return {"name": name, "op": "max_unpool2d", "input": tensor_json(values), "input_indices": tensor_json(idx),
                "params": params, "error": True}
    raise AssertionError(f"PyTorch accepted {name}: not an error case")


# ---------------------------------------------------------------- the lesson's example

def lesson_cases():
    fixture = Fixture("lesson.json", TORCH + " on the lesson's 4x4 example")
    x = torch.tensor([[LESSON_INPUT]], dtype=torch.float32)
    params = {"kernel_size": [2, 2], "stride": [2, 2]}
    out, idx = F.max_pool2d(x, 2, 2, return_indices=True)
    fixture.add({"name": "lesson_max_2x2_stride_2", "op": "max_pool2d", "input": tensor_json(x),
                 "params": params, "expected": tensor_json(out), "indices": tensor_json(idx)})
    fixture.add({"name": "lesson_avg_2x2_stride_2", "op": "avg_pool2d", "input": tensor_json(x),
                 "params": params, "expected": tensor_json(F.avg_pool2d(x, 2, 2))})
    fixture.add({"name": "lesson_global_max", "op": "global_max_pool", "input": tensor_json(x), "params": {},
                 "expected": tensor_json(F.adaptive_max_pool2d(x, 1))})
    fixture.add({"name": "lesson_global_avg", "op": "global_avg_pool", "input": tensor_json(x), "params": {},
                 "expected": tensor_json(F.adaptive_avg_pool2d(x, 1))})
    assert out.flatten().tolist() == [6, 5, 8, 9], "PyTorch disagrees with the lesson"
    for case in fixture.cases:  # a gradient of ones: each output cell's gradient is easy to follow by eye
        add_gradient(case, torch.ones_like(torch_forward(case, x)))
    unpool = {"name": "lesson_max_unpool_2x2_stride_2", "op": "max_unpool2d", "input": tensor_json(out),
              "input_indices": tensor_json(idx), "params": params,
              "expected": tensor_json(F.max_unpool2d(out, idx, 2, 2))}
    add_gradient(unpool, torch.ones(1, 1, 4, 4))
    fixture.add(unpool)
    return fixture


# ---------------------------------------------------------------- parameters PyTorch rejects

def error_cases():
    fixture = Fixture("errors.json", TORCH + ": each case is checked to raise")
    cases = [
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [0, 0]}, "window_zero"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "stride": [0, 0]}, "stride_zero"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "stride": [1, -1]}, "stride_negative"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "padding": [-1, -1]}, "padding_negative"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "padding": [2, 2]}, "padding_over_half"),
        ("max_pool2d", (1, 1, 6, 6), {"kernel_size": [3, 3], "padding": [2, 1]}, "padding_over_half_rows"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [5, 5]}, "window_larger_than_input"),
        ("max_pool2d", (1, 1, 3, 9), {"kernel_size": [4, 2]}, "window_taller_than_input"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "dilation": [0, 0]}, "dilation_zero"),
        ("max_pool2d", (1, 1, 4, 4), {"kernel_size": [3, 3], "padding": [1, 1], "dilation": [3, 3]},
         "dilated_window_too_large"),
        ("avg_pool2d", (1, 1, 4, 4), {"kernel_size": [0, 2]}, "window_zero"),
        ("avg_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "stride": [0, 1]}, "stride_zero"),
        ("avg_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "padding": [-1, 0]}, "padding_negative"),
        ("avg_pool2d", (1, 1, 8, 8), {"kernel_size": [3, 3], "padding": [2, 2]}, "padding_over_half"),
        ("avg_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "divisor_override": 0}, "divisor_zero"),
        ("avg_pool2d", (1, 1, 2, 2), {"kernel_size": [3, 3]}, "window_larger_than_input"),
        ("lp_pool2d", (1, 1, 4, 4), {"kernel_size": [5, 5], "norm_type": 2.0}, "window_larger_than_input"),
        ("lp_pool2d", (1, 1, 4, 4), {"kernel_size": [2, 2], "stride": [0, 0], "norm_type": 2.0}, "stride_zero"),
        ("adaptive_max_pool2d", (1, 1, 4, 4), {"output_size": [-1, 2]}, "output_negative"),
        ("adaptive_avg_pool2d", (1, 1, 4, 4), {"output_size": [2, -3]}, "output_negative"),
    ]
    for op, shape, params, label in cases:
        x = random_input(shape)
        try:
            torch_forward({"op": op, "params": params}, x)
        except RuntimeError:
            pass
        else:
            raise AssertionError(f"PyTorch accepted {op} {params}: not an error case")
        fixture.add({"name": f"error_{op.replace('_pool2d', '')}_{label}", "op": op, "input": tensor_json(x),
                     "params": params, "error": True})
    return fixture


# ---------------------------------------------------------------- the output-size table

def output_size_table():
    """in, window, stride, padding, dilation, ceil_mode -> out, as PyTorch's max_pool2d computes it."""
    rows = []
    for size in (1, 2, 4, 5, 7, 8, 28, 224):
        for window, stride, padding, dilation in ((1, 1, 0, 1), (2, 2, 0, 1), (2, 1, 0, 1), (3, 2, 1, 1),
                                                  (3, 3, 1, 1), (2, 2, 1, 1), (3, 1, 1, 2), (4, 3, 2, 1),
                                                  (5, 2, 2, 1), (2, 3, 0, 1)):
            for ceil in (False, True):
                x = torch.zeros(1, 1, size, size)
                out = accepted(lambda: F.max_pool2d(x, window, stride, padding, dilation, ceil))
                if out is not None:
                    rows.append((size, window, stride, padding, dilation, str(ceil).lower(), out.shape[2]))
    path = OUT.parent / "output-sizes.csv"
    header = "# " + TORCH + ": input,window,stride,padding,dilation,ceil_mode,output (generate_conformance.py)"
    path.write_text("\n".join([header] + [",".join(map(str, row)) for row in rows]) + "\n")
    print(f"{path.name}: {len(rows)} rows")


# ---------------------------------------------------------------- convolution (for the notebooks' experiments)

def convolution_cases():
    """conv2d with stride 1, no padding, every filter shared by all input channels (Convolution.conv2d)."""
    cases = []
    for shape, filters in [((1, 1, 5, 5), 1), ((1, 2, 6, 7), 2), ((2, 3, 4, 4), 3)]:
        x = random_input(shape)
        kernels = torch.tensor(np.round(rng.standard_normal((filters, 3, 3)), 3).astype(np.float32))
        weight = kernels[:, None, :, :].repeat(1, shape[1], 1, 1)  # the same 3x3 filter for every channel
        cases.append({"name": f"conv_in{'x'.join(map(str, shape))}_{filters}filters", "input": tensor_json(x),
                      "filters": tensor_json(kernels), "expected": tensor_json(F.conv2d(x, weight))})
    path = OUT.parent / "convolution.json"
    path.write_text(json.dumps({"generator": TORCH + ": F.conv2d", "cases": cases}) + "\n")
    print(f"{path.name}: {len(cases)} cases")


# ---------------------------------------------------------------- conv2d (org.poolinglab.nn.Conv2d)

def conv2d_cases():
    """F.conv2d forward, and its input, weight and bias gradients from autograd, for nn.Conv2d."""
    conv_rng = np.random.default_rng(SEED + 2)  # its own stream: the other fixtures stay as they were

    def values(shape):
        return torch.tensor(np.round(conv_rng.standard_normal(shape), 3).astype(np.float32))

    fixture = Fixture("conv2d.json", TORCH + ": F.conv2d, gradients by autograd")
    for shape, weight_shape, stride, padding, with_bias in [
            ((1, 1, 5, 5), (1, 1, 3, 3), 1, 0, True), ((1, 1, 5, 5), (1, 1, 3, 3), 1, 1, True),
            ((1, 1, 6, 6), (2, 1, 3, 3), 2, 1, True), ((1, 3, 7, 7), (4, 3, 3, 3), 1, 1, True),
            ((2, 3, 7, 6), (4, 3, 3, 3), 2, 0, False), ((2, 2, 5, 8), (3, 2, 2, 3), (1, 2), (1, 0), True),
            ((1, 1, 12, 12), (8, 1, 3, 3), 1, 1, True), ((1, 2, 4, 4), (1, 2, 4, 4), 1, 0, True),
            ((1, 1, 3, 3), (2, 1, 3, 3), 1, 2, True), ((1, 2, 5, 5), (2, 2, 1, 1), 1, 0, False),
            ((3, 1, 6, 5), (2, 1, 3, 3), 3, 1, True), ((1, 4, 5, 5), (2, 4, 3, 3), 2, 2, True),
            ((1, 1, 4, 9), (3, 1, 2, 2), 2, 0, True), ((2, 2, 6, 6), (2, 2, 5, 5), 1, 2, False),
            ((1, 1, 5, 5), (1, 1, 2, 2), 2, 1, True), ((1, 3, 7, 5), (2, 3, 1, 1), 2, 0, True),
            ((1, 2, 5, 7), (3, 2, 3, 1), (2, 1), (0, 1), True), ((1, 1, 1, 1), (2, 1, 3, 3), 1, 1, True)]:
        x = values(shape).requires_grad_()
        weight = values(weight_shape).requires_grad_()
        bias = values(weight_shape[:1]).requires_grad_() if with_bias else None
        params = {"stride": pair(stride), "padding": pair(padding)}
        out = F.conv2d(x, weight, bias, params["stride"], params["padding"])
        grad_output = values(tuple(out.shape))
        out.backward(grad_output)
        name = (f"conv_in{'x'.join(map(str, shape))}_w{'x'.join(map(str, weight_shape))}_s{fmt(stride)}"
                f"_p{fmt(padding)}" + ("" if with_bias else "_nobias"))
        case = {"name": name, "op": "conv2d", "input": tensor_json(x), "weight": tensor_json(weight)}
        if with_bias:
            case["bias"] = tensor_json(bias)
        case.update({"params": params, "expected": tensor_json(out), "grad_output": tensor_json(grad_output),
                     "grad_input": tensor_json(x.grad), "grad_weight": tensor_json(weight.grad)})
        if with_bias:
            case["grad_bias"] = tensor_json(bias.grad)
        fixture.add(case)
    for label, shape, weight_shape, bias_shape, stride, padding in [
            ("kernel_larger_than_input", (1, 1, 3, 3), (1, 1, 5, 5), None, 1, 0),
            ("kernel_taller_than_input", (1, 1, 2, 6), (1, 1, 3, 3), (1,), 1, 0),
            ("channels_mismatch", (1, 2, 5, 5), (3, 3, 3, 3), (3,), 1, 0),
            ("bias_size_mismatch", (1, 1, 5, 5), (3, 1, 3, 3), (2,), 1, 0),
            ("stride_zero", (1, 1, 5, 5), (1, 1, 3, 3), (1,), 0, 0),
            ("stride_zero_width", (1, 1, 5, 5), (1, 1, 3, 3), None, (1, 0), 0),
            ("padding_negative", (1, 1, 5, 5), (1, 1, 3, 3), (1,), 1, -1)]:
        x, weight = values(shape), values(weight_shape)
        bias = values(bias_shape) if bias_shape else None
        params = {"stride": pair(stride), "padding": pair(padding)}
        try:
            F.conv2d(x, weight, bias, params["stride"], params["padding"])
        except RuntimeError:
            pass
        else:
            raise AssertionError(f"PyTorch accepted conv2d {label}: not an error case")
        case = {"name": f"error_conv_{label}", "op": "conv2d", "input": tensor_json(x), "weight": tensor_json(weight)}
        if bias is not None:
            case["bias"] = tensor_json(bias)
        case.update({"params": params, "error": True})
        fixture.add(case)
    return fixture


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    max_fixture = sliding_cases("max_pool2d", 70, with_dilation=True)
    special_max_cases(max_fixture)
    fixtures = [lesson_cases(), max_fixture, sliding_cases("avg_pool2d", 60, with_dilation=False), lp_cases(),
                adaptive_cases(), global_cases(), same_cases(), asymmetric_cases(), error_cases(), unpool_cases(),
                conv2d_cases()]
    add_gradients(fixtures)
    total = sum(f.write() for f in fixtures)
    output_size_table()
    convolution_cases()
    print(f"{total} cases in {OUT}")


if __name__ == "__main__":
    main()
