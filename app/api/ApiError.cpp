#include "ApiError.h"
