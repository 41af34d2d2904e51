"""Benchmarks of corridor_app against its peers: ``python -m benchmarks --sizes 1k,100k,1M``.

Not tests: they measure and print times and ratios (see docs/PERFORMANCE.md).
Every measurement runs in a fresh child process, so import costs, peak memory
and whole-process times are those a user would see.
"""
