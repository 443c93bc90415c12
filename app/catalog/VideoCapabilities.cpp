#include "catalog/VideoCapabilities.h"
