# Independent numpy computations of the losses in src/losses (float64), pasted into src/losses/losses.test.ts.
# Inputs are formulas so the test rebuilds them exactly. Run: python3 test/reference/loss_reference.py
import numpy as np

def formula(shape, a, b):
    n = int(np.prod(shape))
    return np.sin(a * np.arange(n) + b).reshape(shape)

def log_softmax(x):
    m = x.max(-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(-1, keepdims=True))

def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)

B, K = 3, 5
student = [formula((B, K), 0.9, v) for v in range(4)]          # 2 global + 2 local views
teacher_logits = [formula((B, K), 0.45, 10 + v) for v in range(2)]
centre = formula((1, K), 0.3, 2) * 0.2
tt = 0.04
teacher = [softmax((t - centre) / tt) for t in teacher_logits]
total, terms = 0.0, 0
for s, sv in enumerate(student):
    lsm = log_softmax(sv / 0.1)
    for t, tv in enumerate(teacher):
        if s == t:
            continue
        total -= (tv * lsm).sum(-1).mean()
        terms += 1
print("dino", total / terms)
print("centre", (centre * 0.9 + teacher_logits[0].mean(0, keepdims=True) * 0.1).ravel().tolist())

# Sinkhorn-Knopp, written from the SwAV paper: Q = exp(t / tau)^T, B columns, K rows.
Q = np.exp(teacher_logits[0] / tt).T
Q /= Q.sum()
for _ in range(3):
    Q /= Q.sum(1, keepdims=True); Q /= K
    Q /= Q.sum(0, keepdims=True); Q /= B
print("sinkhorn", (Q * B).T.ravel().tolist())

# iBOT: 2 images x 4 patches, image 0 masks patches 1 and 2, image 1 masks patch 3, 3 images in the batch.
M = 3
s_ibot = formula((M, K), 0.7, 1)
t_ibot = softmax(formula((M, K), 0.5, 3) / 0.07)
w = np.array([0.5, 0.5, 1.0])
print("ibot", -(w * (t_ibot * log_softmax(s_ibot / 0.1)).sum(-1)).sum() / 3)

# KoLeo, with an explicit nearest-neighbour search and difference vectors.
x = formula((5, 4), 1.1, 0.2)
x = x / np.linalg.norm(x, axis=1, keepdims=True)
d = np.linalg.norm(x[:, None] - x[None], axis=-1) + np.eye(5) * 10
print("koleo", -np.log(d.min(1) + 1e-8).mean())

# Label loss: 3 images, 4 concepts; image 2 unlabelled.
logits = formula((3, 4), 1.3, 0.4) * 3
targets = np.array([[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]], dtype=float)
space = np.array([[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 0, 0]], dtype=float)
p = 1 / (1 + np.exp(-logits))
bce = -(targets * np.log(p) + (1 - targets) * np.log(1 - p))
per_image = [(bce[i] * space[i]).sum() / space[i].sum() for i in range(2)]
print("label", np.mean(per_image))
