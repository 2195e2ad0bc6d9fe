#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QRect;

namespace chat::client {

// A person's avatar without pictures: their initials on a colour that is the same for them everywhere
// (dock, message view) and on every run, so people are told apart at a glance.
class Avatar {
public:
    static QString initialsOf(const QString& name); // "alice" -> "A", "Ana López" / "ana-lopez" -> "AL"
    static QColor colorOf(qint64 userId);
    static void paint(QPainter* painter, const QRect& rect, const QString& name, qint64 userId);
};

} // namespace chat::client
