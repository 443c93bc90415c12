#include "VideoTaskPane.h"
