// Public API of @dermino/model. Shared file: each helper edits only its own export lines.
export {};
