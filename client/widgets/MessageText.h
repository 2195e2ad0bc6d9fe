#pragma once

#include <QString>

namespace chat::client {

// A message body as the rich text the view lays out: HTML-escaped, links clickable, emoji in the colour
// font, @names set apart (the signed-in user's own name highlighted), and "(edited)" after an edited body.
struct MessageText {
    QString myName; // the signed-in user's username: "@myName" is highlighted
    bool dark = false; // the palette is dark: colours that read on it
    QString editedMarker; // appended, dimmed, when not empty (the translated "(edited)")
    QString dimColor; // the marker's colour, as a #rrggbb name

    QString toHtml(const QString& plainText) const;
};

} // namespace chat::client
