# Independent numpy implementation of src/vit/CONTRACT.md, used to produce the numbers pasted into
# src/vit/vit-forward.test.ts. Run: python3 test/reference/vit_reference.py
import math
import numpy as np

IMG, P, D, DEPTH, HEADS, MLP = 8, 4, 8, 2, 2, 16
N = (IMG // P) ** 2
EPS = 1e-6

def shapes():
    s = [("patch_embed.weight", (P * P * 3, D)), ("patch_embed.bias", (D,)), ("cls_token", (D,)),
         ("pos_embed", (1 + N, D)), ("mask_token", (D,))]
    for i in range(DEPTH):
        p = f"blocks.{i}."
        s += [(p + "norm1.weight", (D,)), (p + "norm1.bias", (D,)), (p + "attn.qkv.weight", (D, 3 * D)),
              (p + "attn.qkv.bias", (3 * D,)), (p + "attn.proj.weight", (D, D)), (p + "attn.proj.bias", (D,)),
              (p + "ls1", (D,)), (p + "norm2.weight", (D,)), (p + "norm2.bias", (D,)),
              (p + "mlp.fc1.weight", (D, MLP)), (p + "mlp.fc1.bias", (MLP,)), (p + "mlp.fc2.weight", (MLP, D)),
              (p + "mlp.fc2.bias", (D,)), (p + "ls2", (D,))]
    return s + [("norm.weight", (D,)), ("norm.bias", (D,))]

# Same formula as formulaWeights() in the test: weight k (contract order), element i.
W = {}
for k, (name, shape) in enumerate(shapes()):
    i = np.arange(int(np.prod(shape)), dtype=np.float64)
    W[name] = (0.3 * np.sin(0.7 * i + 1.3 * k + 0.5)).reshape(shape)

def layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b

def gelu(x):
    return 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))

def forward(x, mask=None):
    B = x.shape[0]
    patches = x.reshape(B, IMG // P, P, IMG // P, P, 3).transpose(0, 1, 3, 2, 4, 5).reshape(B, N, P * P * 3)
    t = patches @ W["patch_embed.weight"] + W["patch_embed.bias"]
    if mask is not None:
        t = np.where(mask[..., None], W["mask_token"], t)
    h = np.concatenate([np.broadcast_to(W["cls_token"], (B, 1, D)), t], 1) + W["pos_embed"]
    dh = D // HEADS
    for i in range(DEPTH):
        p = f"blocks.{i}."
        y = layer_norm(h, W[p + "norm1.weight"], W[p + "norm1.bias"])
        qkv = y @ W[p + "attn.qkv.weight"] + W[p + "attn.qkv.bias"]
        outs = []
        for hd in range(HEADS):
            q = qkv[..., hd * dh:(hd + 1) * dh]
            k = qkv[..., D + hd * dh:D + (hd + 1) * dh]
            v = qkv[..., 2 * D + hd * dh:2 * D + (hd + 1) * dh]
            s = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
            s = np.exp(s - s.max(-1, keepdims=True))
            outs.append((s / s.sum(-1, keepdims=True)) @ v)
        a = np.concatenate(outs, -1) @ W[p + "attn.proj.weight"] + W[p + "attn.proj.bias"]
        h = h + W[p + "ls1"] * a
        y = layer_norm(h, W[p + "norm2.weight"], W[p + "norm2.bias"])
        m = gelu(y @ W[p + "mlp.fc1.weight"] + W[p + "mlp.fc1.bias"]) @ W[p + "mlp.fc2.weight"] + W[p + "mlp.fc2.bias"]
        h = h + W[p + "ls2"] * m
    h = layer_norm(h, W["norm.weight"], W["norm.bias"])
    return h[:, 0], h[:, 1:]

x = np.sin(0.37 * np.arange(2 * IMG * IMG * 3)).reshape(2, IMG, IMG, 3) * 1.5
mask = np.zeros((2, N), dtype=bool)
mask[1, 2] = True
fmt = lambda a: "[" + ", ".join(f"{v:.6f}" for v in a.ravel()) + "]"
cls, patches = forward(x)
print("cls", fmt(cls))
print("patches", fmt(patches))
cls_m, patches_m = forward(x, mask)
print("masked cls", fmt(cls_m))
print("masked patches", fmt(patches_m))
