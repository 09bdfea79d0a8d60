#!/usr/bin/python3
"""The same FCFS pool written with SimPy, the tool a researcher would pick.

Strict FCFS: the queue head blocks later jobs (a simpy.Container with one
gatekeeper process taking jobs in order). Prints jobs, mean wait, wall.
"""
import sys
import time

import simpy


def main():
    if len(sys.argv) < 3:
        print("usage: simpy_pool.py STREAM.csv SERVERS", file=sys.stderr)
        return 2
    jobs = []
    with open(sys.argv[1]) as f:
        next(f)
        for line in f:
            s, _c, _r, u, rt = line.split(",")[:5]
            jobs.append((float(s), int(u), float(rt)))
    servers = int(sys.argv[2])
    t0 = time.perf_counter()
    env = simpy.Environment()
    pool = simpy.Container(env, capacity=servers, init=servers)
    queue = simpy.Store(env)
    waits = []

    def run(units, runtime):
        yield env.timeout(runtime)
        yield pool.put(units)

    def gatekeeper():  # starts jobs strictly in arrival order
        while True:
            submit, units, runtime = yield queue.get()
            yield pool.get(units)
            waits.append(env.now - submit)
            env.process(run(units, runtime))

    def arrivals():
        for submit, units, runtime in jobs:
            yield env.timeout(submit - env.now)
            queue.put((submit, units, runtime))

    env.process(gatekeeper())
    env.process(arrivals())
    env.run()
    wall = time.perf_counter() - t0
    print(f"jobs={len(waits)} mean_wait_s={sum(waits) / max(len(waits), 1):.6f} wall_s={wall:.6f}")


if __name__ == "__main__":
    sys.exit(main())
