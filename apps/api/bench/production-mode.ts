// Imported first by the bench scripts: a production deployment runs with NODE_ENV=production, which graphql-js
// reads once, when it is loaded, to skip its development-time checks (its instanceOf guard, ~1 ms per request here).
process.env.NODE_ENV ??= 'production';
