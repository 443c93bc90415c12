#include "media/MediaLimits.h"
