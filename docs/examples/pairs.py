# trace: x=f32[6,8] w=f32[8,4]
# eval: x=f32[10,8] w=f32[8,4]
# eval: x=f32[3,8] w=f32[8,4]
import torch
import torch.nn.functional as F


def f(x, w):
    h = F.relu(x @ w)
    if x.shape[0] > 4:
        # sum neighbouring rows in pairs: needs an even number of rows
        h = h.reshape(-1, 2, h.shape[1]).sum(1)
    return h
