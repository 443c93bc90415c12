#include "api/ImageGenerationClient.h"
