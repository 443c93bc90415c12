#include "ConversationSettingsPanel.h"
