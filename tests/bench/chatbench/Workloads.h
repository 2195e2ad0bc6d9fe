#pragma once

#include "BenchOptions.h"
#include "Report.h"
#include "Traffic.h"

// Each workload runs chat-server (and, where it can, the ceiling server) the same way, several times,
// and adds its figures to the report.
void runDm(const BenchOptions& options, Report& report);
void runGroup(const BenchOptions& options, Report& report);
void runRate(const BenchOptions& options, Report& report);
void runIdle(const BenchOptions& options, Report& report);
void runHistory(const BenchOptions& options, Report& report);
void runLogin(const BenchOptions& options, Report& report);
// Upload and download throughput, then the chat at half the dm peak without and during file transfers.
void runFiles(const BenchOptions& options, Report& report);
// dm on one node with SQLite, one node with PostgreSQL and two nodes (PostgreSQL + Redis), then the
// two-node rate at half of its peak: cross-node latency.
void runCluster(const BenchOptions& options, Report& report);

// Pairs chatting at `rate` messages/s (open loop), for workloads that measure the chat beside something else.
TrafficSpec pacedChat(const BenchOptions& options, double rate);

// The dm peak (messages/s, closed loop) from the report, or measured now when the report has none.
double dmPeak(const BenchOptions& options, Report& report);
