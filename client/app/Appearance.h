#pragma once

#include "Preferences.h"

namespace chat::client {

// Applies the chosen theme to the whole application: the platform's palette, or Fusion with a light or
// dark palette of our own (every widget paints from the palette, so nothing else needs to know).
class Appearance {
public:
    static void apply(Preferences::Theme theme);
};

} // namespace chat::client
