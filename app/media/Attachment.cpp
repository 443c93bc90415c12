#include "media/Attachment.h"
