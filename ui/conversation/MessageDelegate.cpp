#include "MessageDelegate.h"
