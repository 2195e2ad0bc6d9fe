// cluster: what PostgreSQL and a second node cost and give. dm (one sender per pair) on one node with SQLite,
// on one node with PostgreSQL, and on two nodes sharing PostgreSQL and Redis with the two users of every pair
// on different nodes; then that two-node dm as an open loop at half of its peak: every delivery crosses nodes.
#include "Workloads.h"

void runCluster(const BenchOptions& options, Report& report)
{
    BenchOptions closedLoop = options;
    closedLoop.rate = 0;
    closedLoop.withCeiling = false; // dm and the ceiling's figures come from the dm workload itself
    // One sender per pair and twice the pairs: the same 200 sending connections and 800 messages in flight
    // as dm. With both users of a pair sending from different nodes, the two nodes' group commits lock the
    // same rooms rows in opposite orders and PostgreSQL aborts one as a deadlock (docs/benchmarks.md, Cluster).
    closedLoop.pairSenders = 1;
    closedLoop.pairs = options.pairs * 2;
    const BenchTopology topologies[] = { { false, 1 }, { true, 1 }, { true, 2 } };
    for (const BenchTopology& topology : topologies) {
        closedLoop.topology = topology;
        runDm(closedLoop, report);
    }
    BenchOptions paced = closedLoop; // the two-node topology, and its peak from the report
    paced.rateShares = { 0.5 };
    runRate(paced, report);
}
