#include "AccountSettings.h"
