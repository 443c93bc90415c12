#include "ConversationParams.h"
