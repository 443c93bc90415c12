#include "ChatClient.h"
