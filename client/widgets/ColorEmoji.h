#pragma once

#include <QString>
#include <QStringView>

namespace chat::client::emoji {

// The colour emoji font this system has, or empty: Noto Color Emoji on Linux (the DEB recommends
// fonts-noto-color-emoji), Segoe UI Emoji on Windows, Apple Color Emoji on macOS.
QString colorFamily();

// Wraps each emoji sequence of `text` (already HTML-escaped) in a span set in `family`. Text fonts such
// as DejaVu Sans carry monochrome glyphs for many emoji, and Qt uses the text font whenever it has the
// glyph, so without this a 😀 comes out as a black outline even with a colour font installed.
QString wrapRuns(QStringView text, const QString& family);

} // namespace chat::client::emoji
