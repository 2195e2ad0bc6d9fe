#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// Message bodies of a team chat, in several languages: English with accented names and code-like tokens (70 %),
// Chinese (12 %), Japanese (8 %), Korean (6 %), German and French (4 %); emoji in about one in ten. A few
// rare words are planted at a known rate so that "rare" queries have a handful of matches. Deterministic for a
// given seed.
class SearchCorpus {
public:
    explicit SearchCorpus(quint32 seed)
        : m_random(seed)
    {
    }

    QString nextBody();

    // Planted once per this many messages each.
    static constexpr int RareEvery = 100000;
    static QStringList rareWords();

private:
    QString english();
    QString chinese();
    QString japanese();
    QString korean();
    QString european();
    QString pick(const QStringList& words) { return words.at(int(m_random.bounded(quint32(words.size())))); }

    QRandomGenerator m_random;
    qint64 m_count = 0;
};
