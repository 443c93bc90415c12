#include "MediaViewer.h"
