#include "FirstRunPanel.h"
