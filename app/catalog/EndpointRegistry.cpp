#include "EndpointRegistry.h"
