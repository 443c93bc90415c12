#include "store/VideoTaskStore.h"
