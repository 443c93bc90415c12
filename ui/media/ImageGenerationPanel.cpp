#include "ImageGenerationPanel.h"
