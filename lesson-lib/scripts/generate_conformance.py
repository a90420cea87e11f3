#!/usr/bin/python3
"""Regenerates lesson-lib's conformance fixtures from real references.

Expected values come from PyTorch's torch.nn.functional pooling (CPU, float32) and, for SAME padding,
from the ONNX backend-test case generator (onnx.backend.test.case.node.pool_op_common), cross-checked
against PyTorch. Nothing here is typed in by hand except the lesson's own 4x4 input.

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


def random_input(shape, kind="normal"):
    if kind == "integers":  # small integers: many ties, to pin down which maximum wins
        return torch.tensor(rng.integers(-3, 4, size=shape).astype(np.float32))
    if kind == "positive":
        return torch.tensor(np.round(rng.uniform(0.1, 3.0, size=shape), 3).astype(np.float32))
    return torch.tensor(np.round(rng.standard_normal(shape), 3).astype(np.float32))


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
            call_torch(op, x, params)
        except RuntimeError:
            pass
        else:
            raise AssertionError(f"PyTorch accepted {op} {params}: not an error case")
        fixture.add({"name": f"error_{op.replace('_pool2d', '')}_{label}", "op": op, "input": tensor_json(x),
                     "params": params, "error": True})
    return fixture


def call_torch(op, x, p):
    if op == "max_pool2d":
        return F.max_pool2d(x, p["kernel_size"], p.get("stride"), p.get("padding", 0), p.get("dilation", 1),
                            p.get("ceil_mode", False))
    if op == "avg_pool2d":
        return F.avg_pool2d(x, p["kernel_size"], p.get("stride"), p.get("padding", 0), p.get("ceil_mode", False),
                            p.get("count_include_pad", True), p.get("divisor_override"))
    if op == "lp_pool2d":
        return F.lp_pool2d(x, p["norm_type"], p["kernel_size"], p.get("stride"), p.get("ceil_mode", False))
    if op == "adaptive_max_pool2d":
        return F.adaptive_max_pool2d(x, p["output_size"])
    if op == "adaptive_avg_pool2d":
        return F.adaptive_avg_pool2d(x, p["output_size"])
    raise ValueError(op)


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


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    max_fixture = sliding_cases("max_pool2d", 70, with_dilation=True)
    special_max_cases(max_fixture)
    fixtures = [lesson_cases(), max_fixture, sliding_cases("avg_pool2d", 60, with_dilation=False), lp_cases(),
                adaptive_cases(), global_cases(), same_cases(), asymmetric_cases(), error_cases()]
    total = sum(f.write() for f in fixtures)
    output_size_table()
    convolution_cases()
    print(f"{total} cases in {OUT}")


if __name__ == "__main__":
    main()
