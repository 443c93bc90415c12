#include "media/VideoProbe.h"
