# trace: x=f32[5,4]
import torch


def f(x):
    # how many entries are non-zero: known only from the data
    n = x.nonzero().size(0)
    if n > 3:
        return x * 2
    return x - 1
