#include "VideoPlayer.h"
