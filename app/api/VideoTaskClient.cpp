#include "api/VideoTaskClient.h"
