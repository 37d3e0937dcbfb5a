# Health checks answer everyone (no data beyond ok/not ready); /metrics is not guarded by a
# role but by a token or loopback (tested in test_health.py).
ACCESS = {
    "ops:live": ("/health/live", "public", "get"),
    "ops:ready": ("/health/ready", "public", "get"),
    "ops:metrics": ("/metrics", "public", "get"),
}
