"""Editions: the published editions, what changed between them, and rebuilding an older one."""
