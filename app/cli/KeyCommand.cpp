#include "KeyCommand.h"
