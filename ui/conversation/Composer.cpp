#include "Composer.h"
