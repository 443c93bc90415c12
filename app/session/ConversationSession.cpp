#include "ConversationSession.h"
