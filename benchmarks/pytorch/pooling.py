#!/usr/bin/python3
"""PyTorch's CPU pooling on the shapes of lesson-lib's pooling benchmark, timed the way JMH times them.

For each case and thread count: 3 warm-up and 5 measured iterations of about a second each, like
lesson-lib's JMH benchmark; the figure is the mean time per call in the best measured iteration (the one
least disturbed by other work on a shared machine), as input gigabytes per second (float32 input bytes /
time per call). The "copy" case copies an 8x64x112x112 tensor (the largest
input) into one made beforehand (`copy_`): bytes copied per second.

./lab bench (org.poolinglab.bench.PoolingReport) runs this right after lesson-lib's figures for the same
case, with Debian's python3-torch. By hand:
    /usr/bin/python3 benchmarks/pytorch/pooling.py --threads 1,2            # every case, JSON on stdout
    /usr/bin/python3 benchmarks/pytorch/pooling.py --case globalAvg --threads 1
"""
import argparse
import json
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as missing:
    torch = None
    MISSING = f"{missing} (install Debian's python3-torch and run with /usr/bin/python3)"

# id (the JMH benchmark's method name), input shape, the call; the copy writes into a tensor made beforehand
CASES = [
    ("max2x2Stride2", (1, 64, 256, 256), lambda x, target: F.max_pool2d(x, 2, 2)),
    ("avg2x2Stride2", (1, 64, 256, 256), lambda x, target: F.avg_pool2d(x, 2, 2)),
    ("max3x3Stride2Pad1", (8, 64, 112, 112), lambda x, target: F.max_pool2d(x, 3, 2, 1)),
    ("globalAvg", (32, 512, 7, 7), lambda x, target: F.adaptive_avg_pool2d(x, 1)),
    ("copy", (8, 64, 112, 112), lambda x, target: target.copy_(x)),
]


def seconds_per_call(call, x, target, warmups, iterations, seconds):
    """Seconds per call in the best of `iterations` timed runs of about `seconds` each, after `warmups` untimed ones."""
    best = float("inf")
    for iteration in range(warmups + iterations):
        count = 0
        start = time.perf_counter()
        while True:
            call(x, target)
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        if iteration >= warmups:
            best = min(best, elapsed / count)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="store_true", help="print PyTorch's version and stop")
    parser.add_argument("--case", help="only this case, e.g. max2x2Stride2 (default: all)")
    parser.add_argument("--threads", default="1", help="thread counts, comma-separated, e.g. 1,2")
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one iteration")
    args = parser.parse_args()
    if torch is None:
        print(MISSING)
        sys.exit(2)
    if args.version:
        print(torch.__version__)
        return
    cases = [case for case in CASES if args.case in (None, case[0])]
    if not cases:
        parser.error(f"unknown case {args.case}; known: {', '.join(case[0] for case in CASES)}")

    generator = torch.Generator().manual_seed(42)
    results = []
    with torch.no_grad():
        for case, shape, call in cases:
            x = torch.randn(shape, generator=generator, dtype=torch.float32)
            target = torch.empty_like(x)
            for threads in [int(t) for t in args.threads.split(",")]:
                torch.set_num_threads(threads)
                seconds = seconds_per_call(call, x, target, args.warmups, args.iterations, args.seconds)
                gb_per_s = x.numel() * x.element_size() / seconds / 1e9
                results.append({"benchmark": case, "threads": threads, "ms_per_op": seconds * 1e3, "gb_per_s": gb_per_s})
                print(f"PyTorch {case}, {threads} thread(s): {gb_per_s:.2f} GB/s", file=sys.stderr)
    json.dump({"pytorch": torch.__version__, "results": results}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
