#include "ChatTypes.h"
