# Reference values for src/health/health.test.ts (numpy; run: /usr/bin/python3 test/reference/health_reference.py).
import numpy as np

Z = np.array([[0.3, -1.2, 2.0, 0.5], [1.1, 0.4, -0.7, 0.2], [-0.5, 0.9, 0.1, -1.3],
              [2.2, -0.3, 0.6, 0.8], [0.0, 1.5, -1.1, 0.4], [-1.4, -0.6, 0.9, 1.7]])
s = np.linalg.svd(Z, compute_uv=False)
p = s / s.sum() + 1e-7
print('singular', s.tolist())
print('rankme', float(np.exp(-(p * np.log(p)).sum())))
U = Z / np.linalg.norm(Z, axis=1, keepdims=True)
print('std', float(U.std(axis=0).mean()))

P = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])
print('entropy', float(-(P * np.log(P)).sum(axis=1).mean()))
q = P.mean(axis=0)
print('kl_mean', float((P * np.log(P / q)).sum(axis=1).mean()))
c = np.array([0.5, 0.25, 0.25])
print('kl_centre', float((P * np.log(P / c)).sum(axis=1).mean()))
