#pragma once

#include "BenchServices.h"

#include <QList>
#include <QString>

// Everything a workload can be told on the command line; the defaults are the suite's.
struct BenchOptions {
    int runs = 3; // each figure is the median of this many runs
    int warmupMs = 1000;
    int measureMs = 5000;
    int bodyBytes = 100;
    bool withCeiling = true;
    BenchTopology topology; // dm, rate, group: SQLite (default), PostgreSQL, or a cluster of nodes

    int pairs = 100; // dm, rate, login: chatting pairs
    int pairSenders = 2; // dm, rate: 2 = both users of a pair send, 1 = the first only
    int window = 4; // dm, group: messages in flight per sender
    double rate = 0; // dm: > 0 for an open loop at this many messages/s
    QList<double> rateShares { 0.25, 0.50, 0.75 }; // rate: fractions of the dm peak
    double peak = 0; // rate, login: the dm peak in messages/s (0: measure it first)

    QList<int> groupSizes { 10, 100, 1000 };
    int groupConnections = 1000; // group: members over all rooms
    int groupSenders = 1; // group: senders per room

    int idleConnections = 10000;
    qint64 historyMessages = 1000000;
    int historyQueries = 1000; // per run and kind of query

    int stormConnections = 8; // login: connections logging in and out in a loop
    double loginChatShare = 0.25; // login: chat rate as a fraction of the dm peak

    int transferConnections = 2; // files: connections moving 20 MiB files in a loop during the chat
};
